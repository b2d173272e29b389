package io.waybill.shipment;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;

/**
 * Registers the shipment context with an Axon {@link Configurer}: the aggregate, the hand-over
 * policy in a subscribing processor so it runs inside the milestone's transaction, and the routing
 * and failed-delivery sagas, each in a tracking processor of its own. Sagas do not support a token
 * reset, so a projection replay never runs them.
 *
 * <p>The sagas need a {@link io.waybill.shipment.api.policy.ProcessPolicies} and a persistent
 * {@link org.axonframework.deadline.DeadlineManager} among the resources the configuration injects.
 */
public final class ShipmentModule {

    /** Processing group, and so event processor name, of the routing saga. */
    public static final String ROUTING_SAGA_GROUP = ShipmentRoutingSaga.PROCESSING_GROUP;
    /** Processing group, and so event processor name, of the failed-delivery saga. */
    public static final String FAILED_DELIVERY_SAGA_GROUP = FailedDeliverySaga.PROCESSING_GROUP;

    private ShipmentModule() {
    }

    public static void configure(Configurer configurer) {
        configure(configurer, false);
    }

    /**
     * @param cacheAggregates keep loaded shipments in Axon's {@code WeakReferenceCache}, so a command does not read
     *                        and deserialize the shipment's events again. Meant for one process handling shipment
     *                        commands: with several, a cached shipment can miss events another process appended. A
     *                        write based on it then fails on the event sequence number, but a rejection may rest
     *                        on the stale state.
     */
    public static void configure(Configurer configurer, boolean cacheAggregates) {
        AggregateConfigurer<ShipmentAggregate> aggregate =
                AggregateConfigurer.defaultConfiguration(ShipmentAggregate.class);
        if (cacheAggregates) {
            aggregate.configureWeakReferenceCache();
        }
        configurer.configureAggregate(aggregate);
        configurer.eventProcessing()
                .registerSubscribingEventProcessor(CarrierHandoverPolicy.PROCESSING_GROUP)
                .registerEventHandler(config -> new CarrierHandoverPolicy(config.commandGateway()))
                .registerSaga(ShipmentRoutingSaga.class)
                .registerSaga(FailedDeliverySaga.class)
                // A saga must not skip an event it failed to handle: the processor retries it instead.
                .registerListenerInvocationErrorHandler(ROUTING_SAGA_GROUP,
                        config -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(FAILED_DELIVERY_SAGA_GROUP,
                        config -> PropagatingErrorHandler.instance());
    }
}
