package dev.listcast.bench.proc;

import java.util.HashSet;
import java.util.Set;

/** Pure parsers for the few {@code /proc} files the bench reads (see proc(5)). */
public final class ProcFormat {
    private static final String TCP_LISTEN = "0A";

    private ProcFormat() {
    }

    /**
     * utime + stime in clock ticks from a {@code /proc/<pid>/stat} line. The command name (field 2) sits in
     * parentheses and may hold spaces and parentheses itself, so fields are counted from the last ')'.
     */
    public static long cpuTicks(String statLine) {
        int close = statLine.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: '" + statLine + "'");
        }
        String[] fields = statLine.substring(close + 2).trim().split(" +");
        // after ')' comes field 3 (state); utime and stime are fields 14 and 15
        if (fields.length < 13) {
            throw new IllegalArgumentException("too few fields in /proc/<pid>/stat: '" + statLine + "'");
        }
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The command name (field 2): for a thread's stat, the thread name cut to 15 characters. */
    public static String commandName(String statLine) {
        int open = statLine.indexOf('(');
        int close = statLine.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: '" + statLine + "'");
        }
        return statLine.substring(open + 1, close);
    }

    /** A thread name without its number, so a pool's threads add up: {@code GC Thread#1} is {@code GC Thread}. */
    public static String threadGroup(String threadName) {
        String group = threadName.replaceAll("[-#_ 0-9]+$", "");
        return group.isEmpty() ? threadName : group;
    }

    /** The parent pid (field 4) from a {@code /proc/<pid>/stat} line. */
    public static long parentPid(String statLine) {
        int close = statLine.lastIndexOf(')');
        return Long.parseLong(statLine.substring(close + 2).trim().split(" +")[1]);
    }

    /** {@code VmRSS} in KiB from {@code /proc/<pid>/status}: resident memory, heap and native alike. */
    public static long rssKiB(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").strip());
            }
        }
        throw new IllegalArgumentException("no VmRSS line in /proc/<pid>/status");
    }

    /** Socket inodes listening on {@code port} in a {@code /proc/net/tcp} or {@code tcp6} table. */
    public static Set<Long> listeningInodes(String table, int port) {
        Set<Long> inodes = new HashSet<>();
        String[] lines = table.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] columns = lines[i].trim().split(" +");
            if (columns.length < 10) {
                continue;
            }
            String local = columns[1];
            int localPort = Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16);
            if (localPort == port && TCP_LISTEN.equals(columns[3])) {
                inodes.add(Long.parseLong(columns[9]));
            }
        }
        return inodes;
    }
}
