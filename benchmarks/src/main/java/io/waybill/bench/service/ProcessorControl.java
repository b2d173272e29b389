package io.waybill.bench.service;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/** Reports the state of the service's streaming event processors. */
final class ProcessorControl {

    private final EventProcessingConfiguration processing;

    ProcessorControl(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** One streaming processor and whether every claimed segment has caught up with the head. */
    record ProcessorStatus(String name, boolean supportsReset, int claimedSegments, boolean caughtUp,
                           boolean replaying) {
    }

    List<ProcessorStatus> statuses() {
        return streaming().stream().map(ProcessorControl::status).toList();
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

    private static ProcessorStatus status(StreamingEventProcessor processor) {
        var segments = processor.processingStatus().values();
        boolean caughtUp = !segments.isEmpty() && segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
        boolean replaying = segments.stream().anyMatch(EventTrackerStatus::isReplaying);
        return new ProcessorStatus(processor.getName(), processor.supportsReset(), segments.size(), caughtUp,
                replaying);
    }
}
