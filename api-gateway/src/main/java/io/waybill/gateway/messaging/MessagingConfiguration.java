package io.waybill.gateway.messaging;

import io.waybill.order.OrderModule;
import io.waybill.shipment.ShipmentModule;
import java.util.Map;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the bounded contexts with Axon and decides which metadata travels from message to message. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    ConfigurerModule domainModules(MessagingProperties properties) {
        return configurer -> {
            OrderModule.configure(configurer, properties.cacheAggregates());
            ShipmentModule.configure(configurer, properties.cacheAggregates());
            // An outcome that could not be recorded is retried, never skipped; see PlatformRequestDispatcher.
            configurer.eventProcessing().registerListenerInvocationErrorHandler("platform-requests",
                    config -> PropagatingErrorHandler.instance());
        };
    }

    /**
     * Copies the request's metadata ({@link RequestMetadata}) from each command to the events and
     * commands it causes, so an auditor can trace any event back to the HTTP request.
     */
    @Bean
    CorrelationDataProvider requestMetadataProvider() {
        return new SimpleCorrelationDataProvider(RequestMetadata.CORRELATION_ID, RequestMetadata.TENANT_ID,
                RequestMetadata.SOURCE, RequestMetadata.PRINCIPAL, RequestMetadata.TRACEPARENT,
                PartnerMetadata.LOCAL_TIME, PartnerMetadata.UTC_OFFSET, PartnerMetadata.TIME_BASIS,
                PartnerMetadata.FORMAT, PartnerMetadata.POSITION);
    }

    /** Records the id of the message being handled as the causation id of every message it produces. */
    @Bean
    CorrelationDataProvider causationProvider() {
        return message -> Map.of(RequestMetadata.CAUSATION_ID, message.getIdentifier());
    }
}
