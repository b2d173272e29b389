package io.waybill.bench.load;

import org.HdrHistogram.Histogram;

/**
 * What one measured phase produced.
 *
 * @param operations requests (or commands) completed inside the measurement window
 * @param items      milestones those operations carried; equal to {@code operations} except for batches
 * @param errors     operations that failed or answered something unexpected
 * @param seconds    length of the measurement window
 * @param p50Micros  median latency of one operation, in microseconds
 * @param firstError message of the first failure, or null
 * @param note       why the window ended early, or null
 */
public record PhaseResult(long operations, long items, long errors, double seconds, long p50Micros,
                          long p99Micros, long maxMicros, String firstError, String note) {

    static PhaseResult of(Histogram latencies, long items, long errors, double seconds, String firstError,
                          String note) {
        long count = latencies.getTotalCount();
        return new PhaseResult(count, items, errors, seconds,
                count == 0 ? 0 : latencies.getValueAtPercentile(50),
                count == 0 ? 0 : latencies.getValueAtPercentile(99),
                count == 0 ? 0 : latencies.getMaxValue(), firstError, note);
    }

    public double itemsPerSecond() {
        return seconds <= 0 ? 0 : items / seconds;
    }

    public double operationsPerSecond() {
        return seconds <= 0 ? 0 : operations / seconds;
    }
}
