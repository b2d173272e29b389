package io.waybill.gateway.platform;

import io.waybill.kernel.PartnerId;
import io.waybill.shipment.api.platform.DeliveryPlatform;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** Builds the configured delivery-platform adapters. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PlatformConfiguration.class);

    @Bean
    DeliveryPlatforms deliveryPlatforms(PlatformProperties properties, WebClient.Builder webClientBuilder) {
        List<DeliveryPlatform> platforms = new ArrayList<>();
        if (properties.sandbox().enabled()) {
            platforms.add(new SandboxPlatform(properties.sandbox()));
        }
        properties.http().forEach((id, settings) ->
                platforms.add(new HttpDeliveryPlatform(platformId(id), settings, webClientBuilder)));
        DeliveryPlatforms registry = new DeliveryPlatforms(platforms);
        log.info("Delivery platforms configured: {}", registry);
        return registry;
    }

    private static PartnerId platformId(String id) {
        try {
            return PartnerId.of(id);
        } catch (RuntimeException e) {
            throw new IllegalStateException("waybill.platforms.http contains the invalid platform id '" + id + "'", e);
        }
    }
}
