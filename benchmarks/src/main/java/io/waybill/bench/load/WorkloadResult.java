package io.waybill.bench.load;

/**
 * Result of a milestone phase: its set-up (release, create and tender for every shipment, each
 * command timed on its own) and the measured milestones.
 *
 * @param startedAtMillis  wall-clock time the measurement window opened, in epoch milliseconds
 * @param finishedAtMillis wall-clock time the milestone clients stopped, in epoch milliseconds
 */
public record WorkloadResult(PhaseResult setup, PhaseResult milestones, int shipmentsPrepared,
                             long startedAtMillis, long finishedAtMillis) {
}
