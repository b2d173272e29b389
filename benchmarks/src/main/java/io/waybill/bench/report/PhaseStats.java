package io.waybill.bench.report;

import io.waybill.bench.probe.PostgresProbe.Counters;
import io.waybill.bench.probe.ProcessCpu.Usage;
import java.util.Map;

/**
 * Machine figures of a measurement window: CPU per party, PostgreSQL's counters, what the
 * database backends waited on, and the service's garbage collection time.
 *
 * @param waits       average number of client backends per state (see {@code PostgresProbe.WaitSampler})
 * @param gcMillis    collection time of the service JVM in the window, or -1 when unknown
 * @param seconds     length of the window the figures cover
 * @param startMillis wall-clock start of that window, in epoch milliseconds
 * @param endMillis   wall-clock end of that window, in epoch milliseconds
 */
public record PhaseStats(Usage cpu, Counters database, Map<String, Double> waits, long gcMillis, double seconds,
                         long startMillis, long endMillis) {

    /** Returns the share of {@code [start, end]} (epoch milliseconds) that these figures cover. */
    public double coverage(long start, long end) {
        long overlap = Math.min(end, endMillis) - Math.max(start, startMillis);
        return end <= start ? 1 : Math.max(0, overlap) / (double) (end - start);
    }
}
