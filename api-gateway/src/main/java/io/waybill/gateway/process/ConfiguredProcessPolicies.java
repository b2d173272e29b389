package io.waybill.gateway.process;

import io.waybill.gateway.platform.DeliveryPlatforms;
import io.waybill.gateway.process.ProcessProperties.FailedDelivery;
import io.waybill.gateway.process.ProcessProperties.Routing;
import io.waybill.gateway.process.ProcessProperties.Rule;
import io.waybill.gateway.process.ProcessProperties.TenantProcesses;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.shipment.api.policy.FailedDeliveryPolicy;
import io.waybill.shipment.api.policy.ProcessPolicies;
import io.waybill.shipment.api.policy.RoutingPolicy;
import io.waybill.shipment.api.policy.RoutingRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The tenants' process policies, built once from {@link ProcessProperties} at start-up so that a
 * misconfigured rule, or a routed platform without an adapter, stops the application instead of
 * a saga.
 */
@Component
class ConfiguredProcessPolicies implements ProcessPolicies {

    private static final Routing BUILT_IN_ROUTING = new Routing(true, List.of(), List.of("sandbox"));
    private static final FailedDelivery BUILT_IN_FAILED_DELIVERY = new FailedDelivery(true, 3, Duration.ofHours(48),
            Duration.ofDays(30));

    private final RoutingPolicy defaultRouting;
    private final FailedDeliveryPolicy defaultFailedDelivery;
    private final Map<String, RoutingPolicy> routingByTenant = new HashMap<>();
    private final Map<String, FailedDeliveryPolicy> failedDeliveryByTenant = new HashMap<>();

    ConfiguredProcessPolicies(ProcessProperties properties, DeliveryPlatforms platforms) {
        TenantProcesses defaults = properties.defaults();
        Routing routing = defaults.routing() != null ? defaults.routing() : BUILT_IN_ROUTING;
        FailedDelivery failedDelivery = defaults.failedDelivery() != null ? defaults.failedDelivery()
                : BUILT_IN_FAILED_DELIVERY;
        defaultRouting = toPolicy("waybill.processes.defaults.routing", routing);
        defaultFailedDelivery = toPolicy(failedDelivery);
        properties.tenants().forEach((tenant, settings) -> {
            TenantId.of(tenant);
            String prefix = "waybill.processes.tenants." + tenant + ".routing";
            routingByTenant.put(tenant, settings.routing() == null ? defaultRouting
                    : toPolicy(prefix, settings.routing()));
            failedDeliveryByTenant.put(tenant, settings.failedDelivery() == null ? defaultFailedDelivery
                    : toPolicy(settings.failedDelivery()));
        });
        for (PartnerId platform : routedPlatforms()) {
            if (!platforms.contains(platform)) {
                throw new IllegalStateException("routing names delivery platform " + platform + ", which is not "
                        + "configured; add waybill.platforms.http." + platform + " or remove it from the routing");
            }
        }
    }

    @Override
    public RoutingPolicy routing(TenantId tenantId) {
        return routingByTenant.getOrDefault(tenantId.value(), defaultRouting);
    }

    @Override
    public FailedDeliveryPolicy failedDelivery(TenantId tenantId) {
        return failedDeliveryByTenant.getOrDefault(tenantId.value(), defaultFailedDelivery);
    }

    /** Every platform id that some tenant's routing may ask. */
    private Set<PartnerId> routedPlatforms() {
        Set<PartnerId> platforms = new LinkedHashSet<>();
        addPlatforms(platforms, defaultRouting);
        routingByTenant.values().forEach(policy -> addPlatforms(platforms, policy));
        return platforms;
    }

    private static void addPlatforms(Set<PartnerId> platforms, RoutingPolicy policy) {
        if (policy.enabled()) {
            policy.rules().forEach(rule -> platforms.addAll(rule.platforms()));
            platforms.addAll(policy.fallback());
        }
    }

    private static RoutingPolicy toPolicy(String prefix, Routing routing) {
        List<Rule> rules = routing.rules() == null ? List.of() : routing.rules();
        List<RoutingRule> converted = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            String name = rule.name() == null || rule.name().isBlank() ? "rule-" + (i + 1) : rule.name();
            converted.add(new RoutingRule(name, rule.serviceLevels(), rule.countryCodes(), rule.postalCodePrefixes(),
                    rule.minWeightKg(), rule.maxWeightKg(), platformIds(prefix + ".rules[" + i + "].platforms",
                    rule.platforms())));
        }
        return new RoutingPolicy(routing.enabled(), converted, platformIds(prefix + ".fallback", routing.fallback()));
    }

    private static FailedDeliveryPolicy toPolicy(FailedDelivery settings) {
        return new FailedDeliveryPolicy(settings.enabled(), settings.maxAttempts(), settings.redeliveryDeadline(),
                settings.lateDeliveryWindow());
    }

    private static List<PartnerId> platformIds(String property, List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        return ids.stream().map(id -> {
            try {
                return PartnerId.of(id);
            } catch (InvalidValueException e) {
                throw new IllegalStateException(property + " contains the invalid platform id '" + id + "': "
                        + e.fix(), e);
            }
        }).toList();
    }
}
