package io.waybill.bench.report;

/**
 * One line of the figures table.
 *
 * @param scenario   what was measured, for example "milestones over HTTP"
 * @param clients    concurrent clients, or 0 when the figure has none
 * @param rate       throughput in {@code unit}
 * @param p50Micros  median latency in microseconds, or -1 when the figure has no latency
 * @param comparable whether the rate is shown as a share of the PostgreSQL ceilings at the same clients
 * @param stats      machine figures of the window, or null
 * @param note       remark printed under the table, or null
 */
public record Row(String scenario, int clients, double rate, String unit, long p50Micros, long p99Micros,
                  long maxMicros, long errors, boolean comparable, PhaseStats stats, String note) {

    public static Row skipped(String scenario, String reason) {
        return new Row(scenario, 0, Double.NaN, "", -1, -1, -1, 0, false, null, "skipped: " + reason);
    }

    public static Row unavailable(String scenario, String reason) {
        return new Row(scenario, 0, Double.NaN, "", -1, -1, -1, 0, false, null, "not available yet: " + reason);
    }
}
