package io.waybill.bench.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Resets the service's streaming event processors and waits until they caught up again: a full
 * rebuild of every projection, done the way an operator's replay would do it through Axon.
 */
final class ProcessorControl {

    private static final long REBUILD_LIMIT_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    ProcessorControl(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    /** One streaming processor and whether every claimed segment has caught up with the head. */
    record ProcessorStatus(String name, boolean supportsReset, int claimedSegments, boolean caughtUp,
                           boolean replaying) {
    }

    /**
     * Result of a rebuild.
     *
     * @param events    events in the store, which each processor read once
     * @param millis    from the reset until the last processor caught up
     * @param completed false when the time limit passed first
     */
    record RebuildResult(List<String> processors, List<String> skipped, long events, long millis,
                         boolean completed) {
    }

    List<ProcessorStatus> statuses() {
        return streaming().stream().map(ProcessorControl::status).toList();
    }

    RebuildResult rebuild() throws InterruptedException {
        List<StreamingEventProcessor> resettable = streaming().stream()
                .filter(StreamingEventProcessor::supportsReset).toList();
        List<String> skipped = streaming().stream()
                .filter(processor -> !processor.supportsReset()).map(StreamingEventProcessor::getName).toList();
        Long events = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        long start = System.nanoTime();
        for (StreamingEventProcessor processor : resettable) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        boolean completed = awaitCaughtUp(resettable, start);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        return new RebuildResult(resettable.stream().map(StreamingEventProcessor::getName).toList(), skipped,
                events == null ? 0 : events, millis, completed);
    }

    private List<StreamingEventProcessor> streaming() {
        List<StreamingEventProcessor> processors = new ArrayList<>();
        processing.eventProcessors().values().forEach(processor -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                processors.add(streaming);
            }
        });
        return processors;
    }

    private boolean awaitCaughtUp(List<StreamingEventProcessor> processors, long start) throws InterruptedException {
        long limit = start + TimeUnit.MILLISECONDS.toNanos(REBUILD_LIMIT_MILLIS);
        while (System.nanoTime() < limit) {
            if (processors.stream().map(ProcessorControl::status).allMatch(s -> s.caughtUp() && !s.replaying())) {
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    private static ProcessorStatus status(StreamingEventProcessor processor) {
        var segments = processor.processingStatus().values();
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
        boolean replaying = segments.stream().anyMatch(EventTrackerStatus::isReplaying);
        return new ProcessorStatus(processor.getName(), processor.supportsReset(), segments.size(), caughtUp,
                replaying);
    }
}
