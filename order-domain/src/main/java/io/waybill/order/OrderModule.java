package io.waybill.order;

import org.axonframework.config.AggregateConfigurer;
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
        configure(configurer, false);
    }

    /**
     * @param cacheAggregates keep loaded orders in Axon's {@code WeakReferenceCache}, so a command does not read
     *                        and deserialize the order's events again. Meant for one process handling order
     *                        commands: with several, a cached order can miss events another process appended. A
     *                        write based on it then fails on the event sequence number, but a rejection may rest
     *                        on the stale state.
     */
    public static void configure(Configurer configurer, boolean cacheAggregates) {
        AggregateConfigurer<OrderAggregate> aggregate = AggregateConfigurer.defaultConfiguration(OrderAggregate.class);
        if (cacheAggregates) {
            aggregate.configureWeakReferenceCache();
        }
        configurer.configureAggregate(aggregate);
        configurer.registerEventUpcaster(config -> new OrderReleasedUpcaster());
    }
}
