package dev.listcast.bench.proc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU and resident memory of a server under test, summed over its processes (nginx's master and worker; the edge
 * JVM alone), read from {@code /proc}.
 */
public record ProcessUsage(List<Long> pids, long clockTicksPerSecond) {

    /**
     * CPU time consumed so far and memory resident now.
     *
     * @param threadCpuMillis CPU so far by thread group ({@link ProcFormat#threadGroup}), to show where it went
     */
    public record Sample(long cpuMillis, long rssKiB, long nanos, Map<String, Long> threadCpuMillis) {
    }

    public ProcessUsage {
        pids = List.copyOf(pids);
        if (pids.isEmpty()) {
            throw new IllegalArgumentException("no process to measure");
        }
    }

    public static ProcessUsage of(List<Long> pids) {
        return new ProcessUsage(pids, clockTicks());
    }

    public Sample sample() {
        long ticks = 0;
        long rss = 0;
        Map<String, Long> threads = new HashMap<>();
        for (long pid : pids) {
            ticks += ProcFormat.cpuTicks(read(Path.of("/proc", Long.toString(pid), "stat")));
            rss += ProcFormat.rssKiB(read(Path.of("/proc", Long.toString(pid), "status")));
            threadTicks(pid, threads);
        }
        threads.replaceAll((group, t) -> t * 1000 / clockTicksPerSecond);
        return new Sample(ticks * 1000 / clockTicksPerSecond, rss, System.nanoTime(), threads);
    }

    private static void threadTicks(long pid, Map<String, Long> into) {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    into.merge(ProcFormat.threadGroup(ProcFormat.commandName(stat)), ProcFormat.cpuTicks(stat),
                            Long::sum);
                } catch (IOException exited) {
                    // the thread ended between listing and reading: its time is in the process total anyway
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list threads of " + pid, e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (did the server exit?)", e);
        }
    }

    /** {@code getconf CLK_TCK}; 100 on every Linux the bench has met, so that is the fallback. */
    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).strip();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
