package io.waybill.gateway.observability;

import io.micrometer.context.ContextRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.waybill.gateway.web.CorrelationIdFilter;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Connects Axon's tracing and the log context to the OpenTelemetry SDK that Spring Boot configures
 * for Micrometer tracing, so HTTP, command, event-handler and outgoing-call spans share one trace.
 */
@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    /**
     * Axon's span factory on Boot's OpenTelemetry instance. Axon's own default reads the global
     * instance, which Spring Boot does not set, so its spans would be lost.
     */
    @Bean
    SpanFactory axonSpanFactory(ObjectProvider<OpenTelemetry> openTelemetryProvider) {
        OpenTelemetry openTelemetry = openTelemetryProvider.getIfAvailable();
        if (openTelemetry == null) {
            return NoOpSpanFactory.INSTANCE;
        }
        return OpenTelemetrySpanFactory.builder()
                .tracer(openTelemetry.getTracer("AxonFramework-OpenTelemetry"))
                .contextPropagators(openTelemetry.getPropagators().getTextMapPropagator())
                .build();
    }

    /**
     * Copies the correlation id from the Reactor context into the logging MDC on every thread hop,
     * so log lines written while serving a request name it.
     */
    @Bean
    InitializingBean correlationIdLogContext() {
        return () -> ContextRegistry.getInstance().registerThreadLocalAccessor(CorrelationIdFilter.CONTEXT_KEY,
                () -> MDC.get(CorrelationIdFilter.CONTEXT_KEY),
                value -> MDC.put(CorrelationIdFilter.CONTEXT_KEY, value),
                () -> MDC.remove(CorrelationIdFilter.CONTEXT_KEY));
    }
}
