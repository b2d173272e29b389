package io.waybill.settlement.replay;

import java.math.BigDecimal;
import java.util.List;

/**
 * Progress of one projection's processor. {@code position} is the lowest global index its segments
 * have processed and {@code head} the highest index in the event store. While replaying, {@code
 * progress} is the share of the events up to the reset point that were replayed (0 to 1); otherwise
 * it is the share of the event store processed. {@code errors} lists segments stuck on an error.
 */
public record ProjectionStatus(String name, List<String> tables, boolean running, boolean replaying,
                               boolean caughtUp, Long position, Long head, Long replayTarget,
                               BigDecimal progress, int segments, List<String> errors) {
}
