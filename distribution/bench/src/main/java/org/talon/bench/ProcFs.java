package org.talon.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and memory of a process from Linux's /proc. CPU time is the figure that stays
 * stable on a shared machine: other load changes how long a run takes, not how much CPU the
 * server spends per cycle.
 */
public final class ProcFs {
    /** Clock ticks per second of /proc/[pid]/stat (USER_HZ, 100 on every Linux this runs on). */
    static final long TICKS_PER_SECOND = 100;

    private ProcFs() {
    }

    /** User plus system CPU time of the process (all its threads) in nanoseconds. */
    public static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // the command name (field 2) may hold spaces: count fields after its closing parenthesis
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
        return ticks * (1_000_000_000L / TICKS_PER_SECOND);
    }

    /** CPU time of this JVM (the load generator itself). */
    public static long ownCpuNanos() throws IOException {
        return cpuNanos(ProcessHandle.current().pid());
    }

    /** Resident set size in KiB. */
    public static long rssKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        return -1;
    }
}
