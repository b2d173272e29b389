package io.waybill.gateway.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Axon metrics Waybill publishes, in place of Axon's automatic set (switched off with
 * {@code axon.metrics.auto-configuration.enabled=false}):
 * <ul>
 *   <li>{@code commandBus.*} timers per command type ({@code payloadType}): count, total and maximum
 *       time of successful, failed and ignored commands, without client-side percentiles;</li>
 *   <li>{@code eventProcessor.latency} per processor ({@code processorName}): how old, in
 *       milliseconds, the last event the processor handled was when it handled it. The value stays
 *       until the next event, so after a rebuild it stays high while the processor is idle.</li>
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
        // Each latency monitor registers its gauge when it is made, so a processor name gets one
        // monitor even if Axon requests it more than once.
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
            // No client-side percentiles: Axon requests six, each kept in a rolling histogram that every
            // command updates, and percentiles from one node cannot be added up across nodes.
            return MessageTimerMonitor.builder()
                    .meterNamePrefix("commandBus")
                    .meterRegistry(registry)
                    .tagsBuilder(AxonMetricsConfiguration::payloadTags)
                    .timerCustomization(timer -> timer.publishPercentiles())
                    .build();
        }
        return NoOpMessageMonitor.INSTANCE;
    }

    /**
     * Builds the latency monitor of one processor. It measures what Axon's
     * {@code EventProcessorLatencyMonitor} measures, but registers its gauge once here: Axon 4.13's
     * monitor registers it again for every event, which costs a registry lookup per event and makes
     * Micrometer 1.15 log a warning about a gauge registered twice.
     */
    static MessageMonitor<Message<?>> latencyMonitor(MeterRegistry registry, String processorName) {
        AtomicLong latencyMillis = new AtomicLong();
        Gauge.builder("eventProcessor.latency", latencyMillis, AtomicLong::get)
                .description("age in milliseconds of the last event the processor handled, when it handled it")
                .tags(PROCESSOR_TAG, processorName)
                .register(registry);
        return message -> {
            if (message instanceof EventMessage<?> event) {
                latencyMillis.set(Math.max(0, System.currentTimeMillis() - event.getTimestamp().toEpochMilli()));
            }
            return NoOpMessageMonitorCallback.INSTANCE;
        };
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
