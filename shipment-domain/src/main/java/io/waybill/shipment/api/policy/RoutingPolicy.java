package io.waybill.shipment.api.policy;

import io.waybill.kernel.PartnerId;
import io.waybill.order.api.Address;
import io.waybill.order.api.ServiceLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How one tenant's released orders are routed to delivery platforms. The first rule that matches
 * an order names the platforms to try first; the fallback platforms follow, each platform at most
 * once. When {@code enabled} is false, released orders are left for shipments created by hand.
 */
public record RoutingPolicy(boolean enabled, List<RoutingRule> rules, List<PartnerId> fallback) {

    public RoutingPolicy {
        rules = rules == null ? List.of() : List.copyOf(rules);
        fallback = fallback == null ? List.of() : List.copyOf(fallback);
    }

    /** Platforms to try for one order, first choice first, and the rule that chose them. */
    public record Route(String ruleName, List<PartnerId> platforms) {
    }

    public Route routeFor(ServiceLevel serviceLevel, Address shipTo, BigDecimal parcelWeightKg) {
        Set<PartnerId> platforms = new LinkedHashSet<>();
        String ruleName = "fallback";
        for (RoutingRule rule : rules) {
            if (rule.matches(serviceLevel, shipTo, parcelWeightKg)) {
                platforms.addAll(rule.platforms());
                ruleName = rule.name();
                break;
            }
        }
        platforms.addAll(fallback);
        return new Route(ruleName, new ArrayList<>(platforms));
    }
}
