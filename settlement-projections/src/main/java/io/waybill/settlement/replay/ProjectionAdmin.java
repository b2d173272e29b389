package io.waybill.settlement.replay;

import io.waybill.settlement.Projection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds projections and reports their progress. A rebuild stops the projection's streaming
 * processor, resets its tokens to the start of the event store (which runs the projection's
 * {@code @ResetHandler} to empty its tables, in the same transaction as the token reset) and starts
 * it again; the processor then replays every event. Only this node's processor is stopped: on a
 * cluster the other nodes must not hold claims on the processor's segments, or the reset fails.
 */
public class ProjectionAdmin {

    private static final Logger log = LoggerFactory.getLogger(ProjectionAdmin.class);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 60;

    /**
     * Time a started processor gets to claim its segments before an unclaimed segment counts as an
     * error. Axon's pooled processor claims them when its coordinator first runs and, if that fails,
     * again after its token claim interval (5 s by default in Axon 4.13).
     */
    private static final long CLAIM_GRACE_NANOS = TimeUnit.SECONDS.toNanos(15);

    private final EventProcessingConfiguration processing;
    private final StreamableMessageSource<?> eventSource;
    /** {@link System#nanoTime()} of each projection's last rebuild, or of this object's creation. */
    private final Map<Projection, Long> startedAt = new ConcurrentHashMap<>();

    public ProjectionAdmin(EventProcessingConfiguration processing, StreamableMessageSource<?> eventSource) {
        this.processing = processing;
        this.eventSource = eventSource;
        long now = System.nanoTime();
        for (Projection projection : Projection.values()) {
            startedAt.put(projection, now);
        }
    }

    public List<ProjectionStatus> statuses() {
        long head = head();
        return Arrays.stream(Projection.values()).map(projection -> status(projection, head)).toList();
    }

    public ProjectionStatus status(Projection projection) {
        return status(projection, head());
    }

    public boolean isReplaying(Projection projection) {
        return processor(projection).isReplaying();
    }

    /** Returns true when every projection has processed the whole event store and none is replaying. */
    public boolean caughtUp() {
        return statuses().stream().allMatch(status -> status.caughtUp() && !status.replaying());
    }

    public synchronized ProjectionStatus rebuild(Projection projection) {
        StreamingEventProcessor processor = processor(projection);
        log.info("Rebuilding projection {}: stopping its processor", projection.processingGroup());
        try {
            processor.shutdownAsync().get(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + projection.processingGroup(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("processor " + projection.processingGroup() + " did not stop", e);
        }
        try {
            processor.resetTokens();
        } finally {
            processor.start();
            startedAt.put(projection, System.nanoTime());
        }
        log.info("Rebuilding projection {}: tokens reset, replay started", projection.processingGroup());
        return status(projection);
    }

    private ProjectionStatus status(Projection projection, long head) {
        StreamingEventProcessor processor = processor(projection);
        Collection<EventTrackerStatus> trackers = processor.processingStatus().values();
        Long position = null;
        Long replayTarget = null;
        boolean caughtUp = !trackers.isEmpty();
        List<String> errors = new ArrayList<>();
        for (EventTrackerStatus tracker : trackers) {
            OptionalLong current = tracker.getCurrentPosition();
            long segmentPosition = current.orElse(-1);
            position = position == null ? segmentPosition : Math.min(position, segmentPosition);
            OptionalLong reset = tracker.getResetPosition();
            if (tracker.isReplaying() && reset.isPresent()) {
                replayTarget = replayTarget == null ? reset.getAsLong() : Math.max(replayTarget, reset.getAsLong());
            }
            caughtUp &= tracker.isCaughtUp() && segmentPosition >= head;
            if (tracker.isErrorState()) {
                errors.add("segment " + tracker.getSegment().getSegmentId() + ": " + tracker.getError());
            }
        }
        List<Integer> unclaimed = unclaimedSegments(projection, trackers);
        if (!unclaimed.isEmpty()) {
            caughtUp = false;
        }
        boolean claiming = System.nanoTime() - startedAt.get(projection) < CLAIM_GRACE_NANOS;
        if (!unclaimed.isEmpty() && !claiming) {
            errors.add("segments " + unclaimed + " are not being processed on this node; on a single node that "
                    + "means they failed and wait for a retry, so check the log for the failing event");
        }
        boolean replaying = processor.isReplaying();
        long target = replaying && replayTarget != null ? replayTarget : head;
        BigDecimal progress = progress(position, target);
        return new ProjectionStatus(projection.processingGroup(), projection.tables(), processor.isRunning(), replaying,
                caughtUp, position, head, replayTarget, progress, trackers.size(), errors);
    }

    /**
     * Returns the segments in the token store that no tracker of this node holds. A segment whose
     * batch keeps failing is released between retries, so it is missing from the processing status
     * and would otherwise look healthy.
     */
    private List<Integer> unclaimedSegments(Projection projection, Collection<EventTrackerStatus> trackers) {
        String name = projection.processingGroup();
        int[] stored = processing.tokenStore(name).fetchSegments(name);
        Set<Integer> claimed = new HashSet<>();
        for (EventTrackerStatus tracker : trackers) {
            claimed.add(tracker.getSegment().getSegmentId());
        }
        List<Integer> unclaimed = new ArrayList<>();
        for (int segment : stored) {
            if (!claimed.contains(segment)) {
                unclaimed.add(segment);
            }
        }
        return unclaimed;
    }

    private static BigDecimal progress(Long position, long target) {
        if (target <= 0) {
            return BigDecimal.ONE;
        }
        if (position == null || position < 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal share = BigDecimal.valueOf(Math.min(position, target))
                .divide(BigDecimal.valueOf(target), 4, RoundingMode.DOWN);
        return share;
    }

    private long head() {
        TrackingToken head = eventSource.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    private StreamingEventProcessor processor(Projection projection) {
        return processing.eventProcessor(projection.processingGroup(), StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor named "
                        + projection.processingGroup() + "; check axon.eventhandling.processors in the configuration"));
    }
}
