package io.waybill.bench.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time and memory of processes from Linux's {@code /proc}. CPU times are in clock ticks of
 * {@value #TICKS_PER_SECOND} Hz, the value of {@code getconf CLK_TCK} on Linux x86-64 and arm64.
 * On a system without {@code /proc} every figure reads as zero.
 */
public final class ProcessCpu {

    static final int TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** CPU times of one moment, in ticks: of the service JVM, the PostgreSQL processes, this JVM and the whole machine. */
    public record Sample(long nanoTime, long service, long postgres, long harness, long machineBusy,
                         long machineTotal) {
    }

    /** Share of one core each party used between two samples, in percent (200 is both cores of a 2-core machine). */
    public record Usage(double service, double postgres, double harness, double other, double machine) {

        public String format() {
            return String.format("%.0f/%.0f/%.0f/%.0f", service, postgres, harness, other);
        }
    }

    public static Sample sample(long servicePid, Path postgresDataDirectory) {
        long postgres = 0;
        for (long pid : postgresPids(postgresDataDirectory)) {
            postgres += ticks(pid);
        }
        long[] machine = machineTicks();
        return new Sample(System.nanoTime(), ticks(servicePid), postgres, ticks(ProcessHandle.current().pid()),
                machine[0], machine[1]);
    }

    public static Usage between(Sample before, Sample after) {
        double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
        if (seconds <= 0) {
            return new Usage(0, 0, 0, 0, 0);
        }
        double service = percent(after.service() - before.service(), seconds);
        double postgres = percent(after.postgres() - before.postgres(), seconds);
        double harness = percent(after.harness() - before.harness(), seconds);
        double machine = percent(after.machineBusy() - before.machineBusy(), seconds);
        return new Usage(service, postgres, harness, Math.max(0, machine - service - postgres - harness), machine);
    }

    /** Resident set size now and its peak ({@code VmRSS}, {@code VmHWM}), in bytes. */
    public record Memory(long residentBytes, long peakResidentBytes) {
    }

    public static Memory memory(long pid) {
        long rss = 0;
        long peak = 0;
        for (String line : lines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = kilobytes(line) * 1024;
            } else if (line.startsWith("VmHWM:")) {
                peak = kilobytes(line) * 1024;
            }
        }
        return new Memory(rss, peak);
    }

    /** Returns the postmaster that serves {@code dataDirectory} and all its backends. */
    public static List<Long> postgresPids(Path dataDirectory) {
        Optional<ProcessHandle> postmaster = ProcessHandle.allProcesses()
                .filter(process -> isPostmasterOf(process.pid(), dataDirectory))
                .findFirst();
        if (postmaster.isEmpty()) {
            return List.of();
        }
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster.get().pid());
        postmaster.get().descendants().forEach(child -> pids.add(child.pid()));
        return pids;
    }

    private static boolean isPostmasterOf(long pid, Path dataDirectory) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> arguments = List.of(new String(raw).split("\0"));
            int flag = arguments.indexOf("-D");
            return !arguments.isEmpty() && arguments.get(0).endsWith("postgres") && flag >= 0
                    && flag + 1 < arguments.size()
                    && Path.of(arguments.get(flag + 1)).toAbsolutePath().normalize()
                    .equals(dataDirectory.toAbsolutePath().normalize());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static long ticks(long pid) {
        List<String> stat = lines(Path.of("/proc", Long.toString(pid), "stat"));
        if (stat.isEmpty()) {
            return 0;
        }
        String line = stat.get(0);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        // Fields after the command name start at field 3 (state); utime and stime are fields 14 and 15.
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long[] machineTicks() {
        List<String> stat = lines(Path.of("/proc/stat"));
        if (stat.isEmpty()) {
            return new long[] {0, 0};
        }
        String[] fields = stat.get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length && i <= 8; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new long[] {total - idle, total};
    }

    private static double percent(long ticks, double seconds) {
        return 100.0 * ticks / TICKS_PER_SECOND / seconds;
    }

    private static long kilobytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    private static List<String> lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /**
     * Proportional set size of several processes together, in bytes ({@code Pss} of
     * {@code /proc/<pid>/smaps_rollup}): shared memory such as PostgreSQL's shared buffers is split
     * between the processes that map it, so the sum counts it once.
     */
    public static long proportionalBytes(Collection<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            for (String line : lines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    total += kilobytes(line) * 1024;
                }
            }
        }
        return total;
    }
}
