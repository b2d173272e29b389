package io.waybill.gateway.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.junit.jupiter.api.Test;

class AxonMetricsConfigurationTest {

    record ReleaseOrder(String erpOrderNumber) {
    }

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final BiFunction<Class<?>, String, MessageMonitor<Message<?>>> monitors;

    AxonMetricsConfigurationTest() {
        monitors = AxonMetricsConfiguration.monitorFactory(registry);
    }

    @Test
    void processorAskedTwiceGetsOneGauge() {
        MessageMonitor<Message<?>> first = monitors.apply(SubscribingEventProcessor.class, "carrier-handover");
        MessageMonitor<Message<?>> second = monitors.apply(SubscribingEventProcessor.class, "carrier-handover");

        first.onMessageIngested(GenericEventMessage.asEventMessage("first")).reportSuccess();
        second.onMessageIngested(GenericEventMessage.asEventMessage("second")).reportSuccess();

        assertThat(second).isSameAs(first);
        assertThat(registry.find("eventProcessor.latency").gauges()).hasSize(1);
        Gauge latency = registry.find("eventProcessor.latency").tag("processorName", "carrier-handover").gauge();
        assertThat(latency).isNotNull();
        assertThat(latency.value()).isBetween(0.0, 60_000.0);
    }

    @Test
    void eachProcessorHasItsOwnLatency() {
        monitors.apply(PooledStreamingEventProcessor.class, "kpis")
                .onMessageIngested(GenericEventMessage.asEventMessage("event")).reportSuccess();
        monitors.apply(PooledStreamingEventProcessor.class, "reconciliation")
                .onMessageIngested(GenericEventMessage.asEventMessage("event")).reportSuccess();

        assertThat(registry.find("eventProcessor.latency").gauges())
                .extracting(gauge -> gauge.getId().getTag("processorName"))
                .containsExactlyInAnyOrder("kpis", "reconciliation");
    }

    @Test
    void commandTimersHaveNoPercentiles() {
        MessageMonitor<Message<?>> commandBus = monitors.apply(CommandBus.class, "commandBus");

        commandBus.onMessageIngested(GenericCommandMessage.asCommandMessage(new ReleaseOrder("SO-1"))).reportSuccess();

        Timer success = registry.find("commandBus.successTimer").tag("payloadType", "ReleaseOrder").timer();
        assertThat(success).isNotNull();
        assertThat(success.count()).isEqualTo(1);
        assertThat(success.takeSnapshot().percentileValues()).isEmpty();
    }

    @Test
    void otherComponentsAreNotMonitored() {
        assertThat(monitors.apply(EventBus.class, "eventBus")).isSameAs(NoOpMessageMonitor.INSTANCE);
    }
}
