package io.waybill.bench.report;

import io.waybill.bench.probe.PostgresProbe.Counters;
import io.waybill.bench.probe.ProcessCpu.Usage;
import java.util.Map;

/**
 * What the machine did during a measurement window: CPU per party, PostgreSQL's counters, what the
 * database backends waited on, and the service's garbage collection time.
 *
 * @param waits       average number of client backends per state (see {@code PostgresProbe.WaitSampler})
 * @param gcMillis    collection time of the service JVM in the window, or -1 when unknown
 * @param seconds     length of the window the figures cover
 */
public record PhaseStats(Usage cpu, Counters database, Map<String, Double> waits, long gcMillis, double seconds) {
}
