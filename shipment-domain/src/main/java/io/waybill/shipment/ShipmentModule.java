package io.waybill.shipment;

import org.axonframework.config.Configurer;

/**
 * Registers the shipment context with an Axon {@link Configurer}: the aggregate, and the
 * hand-over policy in a subscribing processor so it runs inside the milestone's transaction.
 */
public final class ShipmentModule {

    private ShipmentModule() {
    }

    public static void configure(Configurer configurer) {
        configurer.configureAggregate(ShipmentAggregate.class);
        configurer.eventProcessing()
                .registerSubscribingEventProcessor(CarrierHandoverPolicy.PROCESSING_GROUP)
                .registerEventHandler(config -> new CarrierHandoverPolicy(config.commandGateway()));
    }
}
