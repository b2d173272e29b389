package io.waybill.gateway.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Axon metrics Waybill publishes, in place of Axon's automatic set (switched off with
 * {@code axon.metrics.auto-configuration.enabled=false}):
 * <ul>
 *   <li>{@code commandBus.*} timers per command type ({@code payloadType}): count, total and maximum
 *       time of successful, failed and ignored commands;</li>
 *   <li>{@code eventProcessor.latency} per processor ({@code processorName}): how old, in
 *       milliseconds, the last event the processor handled was when it handled it. Axon keeps the
 *       value until the next event, so after a rebuild it stays high while the processor is idle.</li>
 * </ul>
 * Axon's automatic set also gives every event processor a timer, five counters and a capacity
 * reservoir, each tagged by event type and looked up in the registry for every event. With eight
 * processors each handling every event, that took about a fifth of the service's CPU in the
 * benchmarks. A processor's backlog is {@code waybill.projection.lag} (see
 * {@code ReadModelConfiguration}) and its errors show in the processor status.
 */
@Configuration(proxyBeanMethods = false)
class AxonMetricsConfiguration {

    static final String PAYLOAD_TYPE_TAG = "payloadType";
    static final String PROCESSOR_TAG = "processorName";

    @Bean
    ConfigurerModule axonMessageMonitors(MeterRegistry registry) {
        BiFunction<Class<?>, String, MessageMonitor<Message<?>>> monitors = monitorFactory(registry);
        return configurer -> configurer.configureMessageMonitor(configuration -> monitors);
    }

    /** Returns the monitor of each Axon component, by component type and name. */
    static BiFunction<Class<?>, String, MessageMonitor<Message<?>>> monitorFactory(MeterRegistry registry) {
        // Axon may ask twice for one processor's monitor; one latency monitor per name keeps its
        // gauge registered once.
        Map<String, MessageMonitor<Message<?>>> processorMonitors = new ConcurrentHashMap<>();
        return (componentType, componentName) -> {
            if (EventProcessor.class.isAssignableFrom(componentType)) {
                return processorMonitors.computeIfAbsent(componentName, name -> latencyMonitor(registry, name));
            }
            return monitor(registry, componentType);
        };
    }

    static MessageMonitor<Message<?>> monitor(MeterRegistry registry, Class<?> componentType) {
        if (CommandBus.class.isAssignableFrom(componentType)) {
            return MessageTimerMonitor.buildMonitor("commandBus", registry, AxonMetricsConfiguration::payloadTags);
        }
        return NoOpMessageMonitor.INSTANCE;
    }

    @SuppressWarnings("unchecked")
    static MessageMonitor<Message<?>> latencyMonitor(MeterRegistry registry, String processorName) {
        Tags processor = Tags.of(PROCESSOR_TAG, processorName);
        MessageMonitor<? super EventMessage<?>> latency = EventProcessorLatencyMonitor.builder()
                .meterNamePrefix("eventProcessor")
                .meterRegistry(registry)
                .tagsBuilder(message -> processor)
                .build();
        return (MessageMonitor<Message<?>>) (MessageMonitor<?>) latency;
    }

    private static Iterable<Tag> payloadTags(Message<?> message) {
        return PAYLOAD_TAGS.get(message.getPayloadType());
    }

    /** The tag of each payload type, built once per type instead of once per message. */
    private static final ClassValue<Tags> PAYLOAD_TAGS = new ClassValue<>() {
        @Override
        protected Tags computeValue(Class<?> type) {
            return Tags.of(PAYLOAD_TYPE_TAG, type.getSimpleName());
        }
    };
}
