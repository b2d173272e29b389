package io.waybill.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Describes the machine a run is on, from {@code /proc} and the JVM; unknown parts read "unknown". */
final class MachineInfo {

    private MachineInfo() {
    }

    static String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %s RAM, %s %s, Java %s (%s)",
                Runtime.getRuntime().availableProcessors(), cpuModel(), memory(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"));
    }

    /** Returns the 1, 5 and 15 minute load averages and the running/total task counts from {@code /proc/loadavg}. */
    static String loadAverage() {
        List<String> lines = lines(Path.of("/proc/loadavg"));
        return lines.isEmpty() ? "unknown" : lines.get(0).trim();
    }

    /** Returns the short commit of the working directory's git checkout, or "unknown". */
    static String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String commit = new String(git.getInputStream().readAllBytes()).trim();
            boolean done = git.waitFor(10, TimeUnit.SECONDS);
            Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                    .redirectErrorStream(true).start();
            boolean dirty = !new String(status.getInputStream().readAllBytes()).isBlank();
            status.waitFor(10, TimeUnit.SECONDS);
            if (!done || git.exitValue() != 0) {
                return "unknown";
            }
            return dirty ? commit + " with uncommitted changes" : commit;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String cpuModel() {
        return lines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .findFirst().orElse("unknown model");
    }

    private static String memory() {
        return lines(Path.of("/proc/meminfo")).stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> String.format(Locale.ROOT, "%.1f GiB",
                        Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                .findFirst().orElse("unknown");
    }

    private static List<String> lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
