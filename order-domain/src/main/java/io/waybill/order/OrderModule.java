package io.waybill.order;

import org.axonframework.config.Configurer;

/**
 * Registers the order context with an Axon {@link Configurer}: the aggregate and the upcasters
 * that read older revisions of its events. This is the only non-api type other modules may use,
 * so the aggregate itself stays package-private.
 */
public final class OrderModule {

    private OrderModule() {
    }

    public static void configure(Configurer configurer) {
        configurer.configureAggregate(OrderAggregate.class);
        configurer.registerEventUpcaster(config -> new OrderReleasedUpcaster());
    }
}
