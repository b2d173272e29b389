package io.waybill.shipment.api.policy;

import io.waybill.kernel.TenantId;

/**
 * Per-tenant settings of the routing and failed-delivery processes. The application supplies an
 * implementation from its configuration; a tenant without settings of its own gets the defaults.
 */
public interface ProcessPolicies {

    RoutingPolicy routing(TenantId tenantId);

    FailedDeliveryPolicy failedDelivery(TenantId tenantId);
}
