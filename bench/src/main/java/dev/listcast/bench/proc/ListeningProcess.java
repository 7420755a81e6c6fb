package dev.listcast.bench.proc;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds processes through {@code /proc}: who listens on a port, and a process's children. */
public final class ListeningProcess {
    private ListeningProcess() {
    }

    /** The process holding a socket that listens on {@code port} (the edge JVM), if this user may see it. */
    public static Optional<Long> onPort(int port) throws IOException {
        Set<Long> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (Files.exists(file)) {
                inodes.addAll(ProcFormat.listeningInodes(Files.readString(file), port));
            }
        }
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        long self = ProcessHandle.current().pid();
        for (long pid : pids()) {
            if (pid != self && holdsAny(pid, inodes)) {
                return Optional.of(pid);
            }
        }
        return Optional.empty();
    }

    /** The direct children of {@code parent} (nginx's workers). */
    public static List<Long> children(long parent) throws IOException {
        List<Long> children = new ArrayList<>();
        for (long pid : pids()) {
            try {
                if (ProcFormat.parentPid(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))) == parent) {
                    children.add(pid);
                }
            } catch (NoSuchFileException e) {
                // exited while we looked
            }
        }
        return children;
    }

    private static List<Long> pids() throws IOException {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            proc.forEach(p -> pids.add(Long.parseLong(p.getFileName().toString())));
        }
        return pids;
    }

    private static boolean holdsAny(long pid, Set<Long> inodes) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue;
                }
                if (target.startsWith("socket:[")
                        && inodes.contains(Long.parseLong(target.substring(8, target.length() - 1)))) {
                    return true;
                }
            }
        } catch (IOException e) {
            // not ours to read, or gone
        }
        return false;
    }
}
