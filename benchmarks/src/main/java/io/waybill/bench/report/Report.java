package io.waybill.bench.report;

import io.waybill.bench.probe.JfrSummary.Profile;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects the run's figures and prints them: a header with the machine and its load, then the table.
 * The table shows each Waybill figure as a share of the PostgreSQL ceiling at the same number of
 * clients. Last comes where the time went in each phase.
 */
public final class Report {

    private final Map<String, String> header = new LinkedHashMap<>();
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Double> ceilings = new HashMap<>();
    private final List<String> memory = new ArrayList<>();
    private final List<Profile> profiles = new ArrayList<>();

    public synchronized void header(String name, String value) {
        header.put(name, value);
    }

    public synchronized void add(Row row) {
        rows.add(row);
    }

    /** Records a ceiling figure: rows per second of plain JDBC inserts at {@code clients} connections. */
    public synchronized void ceiling(String kind, int clients, double rowsPerSecond) {
        ceilings.put(kind + ":" + clients, rowsPerSecond);
    }

    public synchronized void memory(String line) {
        memory.add(line);
    }

    public synchronized void profiles(List<Profile> summary) {
        profiles.addAll(summary);
    }

    public synchronized void print(PrintStream out) {
        header.forEach((name, value) -> out.printf("%-22s %s%n", name + ":", value));
        out.println();
        printTable(out);
        printNotes(out);
        printBreakdown(out);
        if (!memory.isEmpty()) {
            out.println();
            out.println("Memory of the service");
            memory.forEach(line -> out.println("  " + line));
        }
        printProfiles(out);
    }

    private void printTable(PrintStream out) {
        String format = "%-36s %7s %10s %-10s %8s %8s %8s %6s %8s %8s  %s%n";
        out.printf(format, "scenario", "clients", "rate", "unit", "p50 ms", "p99 ms", "max ms", "errors",
                "%1-row", "%batch", "CPU % svc/pg/gen/other");
        for (Row row : rows) {
            if (Double.isNaN(row.rate())) {
                out.printf("%-36s %s%n", row.scenario(), row.note());
                continue;
            }
            out.printf(format, row.scenario(), row.clients() == 0 ? "" : Integer.toString(row.clients()),
                    String.format(Locale.ROOT, row.rate() < 100 ? "%.2f" : "%,.0f", row.rate()), row.unit(), millis(row.p50Micros()),
                    millis(row.p99Micros()), millis(row.maxMicros()), Long.toString(row.errors()),
                    ratio(row, "single"), ratio(row, "batch"), row.stats() == null ? "" : row.stats().cpu().format());
        }
    }

    private void printNotes(PrintStream out) {
        boolean first = true;
        for (Row row : rows) {
            if (row.note() != null && !Double.isNaN(row.rate())) {
                if (first) {
                    out.println();
                    first = false;
                }
                out.printf("  %s, %d clients: %s%n", row.scenario(), row.clients(), row.note());
            }
        }
    }

    private void printBreakdown(PrintStream out) {
        out.println();
        out.println("Where the time went. Per item: write transactions and WAL bytes (exact), commits, WAL flushes");
        out.println("and rows read (estimates: PostgreSQL flushes these statistics about once a second). Then the");
        out.println("CPU time per item by process, the average number of database backends in each state, and the");
        out.println("service's GC share of the window.");
        for (Row row : rows) {
            PhaseStats stats = row.stats();
            if (stats == null || Double.isNaN(row.rate())) {
                continue;
            }
            double items = Math.max(1, row.rate() * stats.seconds());
            var db = stats.database();
            out.printf(Locale.ROOT, "  %-36s %3s  write tx %.2f  WAL %.2f KiB  commits %.2f  flushes %.2f"
                            + "  rows read %.1f  GC %s%n",
                    row.scenario(), row.clients() == 0 ? "" : Integer.toString(row.clients()),
                    db.writeTransactions() / items, db.walBytes() / items / 1024.0, db.commits() / items,
                    db.walSyncs() / items, db.rowsFetched() / items,
                    stats.gcMillis() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%",
                            100.0 * stats.gcMillis() / 1000.0 / Math.max(0.001, stats.seconds())));
            var cpu = stats.cpu();
            double perItem = 10.0 * stats.seconds() / items;
            out.printf(Locale.ROOT, "  %-40s CPU ms per item: service %.2f, PostgreSQL %.2f, load generator %.2f%n", "",
                    cpu.service() * perItem, cpu.postgres() * perItem, cpu.harness() * perItem);
            out.printf("  %-40s backends: %s%n", "", waits(stats.waits()));
        }
    }

    private void printProfiles(PrintStream out) {
        for (Profile profile : profiles) {
            out.println();
            out.printf("Service CPU samples, %s (%d samples)%n", profile.label(), profile.samples());
            out.println("  by library (first non-JDK frame): " + shares(profile.libraries(), profile.samples()));
            out.println("  by stage (on the stack, overlapping): " + shares(profile.stages(), profile.samples()));
            out.println("  hottest top frames: " + shares(profile.topFrames(), profile.samples()));
        }
    }

    private static String shares(Map<String, Long> counts, long total) {
        List<String> parts = new ArrayList<>();
        counts.forEach((name, count) -> parts.add(String.format(Locale.ROOT, "%s %.0f%%", name,
                100.0 * count / Math.max(1, total))));
        return String.join(", ", parts);
    }

    private static String waits(Map<String, Double> waits) {
        List<String> parts = new ArrayList<>();
        waits.entrySet().stream().limit(5).forEach(entry -> parts.add(String.format(Locale.ROOT, "%s %.1f",
                entry.getKey(), entry.getValue())));
        return parts.isEmpty() ? "none sampled" : String.join(", ", parts);
    }

    private String ratio(Row row, String kind) {
        if (!row.comparable()) {
            return "";
        }
        Double ceiling = ceilings.get(kind + ":" + row.clients());
        return ceiling == null || ceiling == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * row.rate() / ceiling);
    }

    private static String millis(long micros) {
        return micros < 0 ? "" : String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }
}
