package io.waybill.bench.probe;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the service's flight recording over the measurement windows of chosen phases: where the
 * CPU samples ({@code jdk.ExecutionSample}) land. Each sample is counted once under the first frame
 * from the top of the stack that is not JDK code, so time in {@code HashMap} or {@code String} is
 * charged to the library that called it, and once under every stage whose method is on the stack.
 */
public final class JfrSummary {

    /** Stages of a command's path, each recognised by a method prefix anywhere on the stack. */
    private static final Map<String, String> STAGES = stages();

    private JfrSummary() {
    }

    /** A phase's measurement window, in epoch milliseconds. */
    public record Window(String label, long startMillis, long endMillis) {
    }

    /** Samples of one window: per library (first non-JDK frame), per stage, and the hottest top frames. */
    public record Profile(String label, long samples, Map<String, Long> libraries, Map<String, Long> stages,
                          Map<String, Long> topFrames) {
    }

    public static List<Profile> summarise(Path recording, List<Window> windows) throws IOException {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        windows.forEach(window -> tallies.put(window.label(), new Tally()));
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null) {
                    continue;
                }
                Instant at = event.getStartTime();
                for (Window window : windows) {
                    if (at.toEpochMilli() >= window.startMillis() && at.toEpochMilli() <= window.endMillis()) {
                        tallies.get(window.label()).add(event.getStackTrace().getFrames());
                    }
                }
            }
        }
        return tallies.entrySet().stream().map(entry -> entry.getValue().profile(entry.getKey())).toList();
    }

    private static final class Tally {
        private long samples;
        private final Map<String, Long> libraries = new HashMap<>();
        private final Map<String, Long> stages = new HashMap<>();
        private final Map<String, Long> topFrames = new HashMap<>();

        void add(List<RecordedFrame> frames) {
            if (frames.isEmpty()) {
                return;
            }
            samples++;
            topFrames.merge(name(frames.get(0).getMethod()), 1L, Long::sum);
            libraries.merge(library(frames), 1L, Long::sum);
            for (Map.Entry<String, String> stage : STAGES.entrySet()) {
                if (frames.stream().anyMatch(frame -> name(frame.getMethod()).startsWith(stage.getValue()))) {
                    stages.merge(stage.getKey(), 1L, Long::sum);
                }
            }
        }

        Profile profile(String label) {
            return new Profile(label, samples, top(libraries, 12), top(stages, STAGES.size()), top(topFrames, 12));
        }
    }

    private static String library(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (!isJdk(type)) {
                return libraryOf(type);
            }
        }
        return "JDK only (" + libraryOf(frames.get(0).getMethod().getType().getName()) + ")";
    }

    private static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
                || type.startsWith("com.sun.") || type.startsWith("javax.");
    }

    private static String libraryOf(String type) {
        String[] parts = type.split("\\.");
        int depth = type.startsWith("io.waybill.") || type.startsWith("org.springframework.")
                || type.startsWith("org.axonframework.") ? 3 : 2;
        return String.join(".", java.util.Arrays.copyOf(parts, Math.min(depth, parts.length - 1)));
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }

    private static Map<String, Long> top(Map<String, Long> counts, int limit) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(limit)
                .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
        return top;
    }

    private static Map<String, String> stages() {
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put("HTTP server (Reactor Netty, WebFlux)", "reactor.netty.http.server.HttpServerOperations.onInboundNext");
        stages.put("JSON request/response codecs", "org.springframework.http.codec.json.");
        stages.put("command bus dispatch", "org.axonframework.commandhandling.SimpleCommandBus.handle");
        stages.put("aggregate load (read events)", "org.axonframework.eventsourcing.EventSourcingRepository.doLoadWithLock");
        stages.put("event append (insert)", "org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine.appendEvents");
        stages.put("Jackson serializer (events, metadata)", "org.axonframework.serialization.json.JacksonSerializer.");
        stages.put("transaction commit", "org.springframework.jdbc.datasource.DataSourceTransactionManager.doCommit");
        stages.put("subscribing event handlers", "org.axonframework.eventhandling.SimpleEventHandlerInvoker.handle");
        stages.put("domain decision (aggregate code)", "io.waybill.shipment.ShipmentAggregate.");
        stages.put("PostgreSQL driver", "org.postgresql.");
        stages.put("Micrometer metrics", "io.micrometer.");
        return stages;
    }
}
