package io.waybill.gateway.process;

import io.waybill.order.api.ServiceLevel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the routing and failed-delivery processes, under {@code waybill.processes}. A tenant
 * listed under {@code tenants} takes each section it sets ({@code routing}, {@code failed-delivery})
 * from its own entry and every other section from {@code defaults}.
 *
 * @param defaults settings for every tenant without an entry of its own
 * @param tenants  settings per tenant id
 */
@ConfigurationProperties("waybill.processes")
public record ProcessProperties(TenantProcesses defaults, Map<String, TenantProcesses> tenants) {

    public ProcessProperties {
        defaults = defaults == null ? new TenantProcesses(null, null) : defaults;
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    /** One tenant's sections; a missing section falls back to the defaults. */
    public record TenantProcesses(Routing routing, FailedDelivery failedDelivery) {
    }

    /**
     * Routing of released orders.
     *
     * @param enabled  false leaves released orders for shipments created by hand
     * @param rules    checked in order; the first that matches names the platforms to try first
     * @param fallback platform ids tried after the matching rule's platforms, in order
     */
    public record Routing(@DefaultValue("true") boolean enabled, List<Rule> rules,
                          @DefaultValue("sandbox") List<String> fallback) {
    }

    /**
     * One routing rule; see {@link io.waybill.shipment.api.policy.RoutingRule} for how it matches.
     *
     * @param postalCodePrefixes destination postal-code prefixes, for example the urban same-day zone
     * @param minWeightKg        smallest parcel weight in kilograms, inclusive
     * @param maxWeightKg        largest parcel weight in kilograms, inclusive
     * @param platforms          platform ids to try, first choice first
     */
    public record Rule(String name, Set<ServiceLevel> serviceLevels, Set<String> countryCodes,
                       List<String> postalCodePrefixes, BigDecimal minWeightKg, BigDecimal maxWeightKg,
                       List<String> platforms) {
    }

    /**
     * Failed attempt to return.
     *
     * @param maxAttempts        failed attempts after which the return starts at once
     * @param redeliveryDeadline time from a recorded failed attempt until the return starts when no
     *                           delivery came
     * @param lateDeliveryWindow time after a completed return during which a late DELIVERED still
     *                           reverses the customer credit
     */
    public record FailedDelivery(@DefaultValue("true") boolean enabled, @DefaultValue("3") int maxAttempts,
                                 @DefaultValue("48h") Duration redeliveryDeadline,
                                 @DefaultValue("30d") Duration lateDeliveryWindow) {
    }
}
