package io.waybill.gateway.readmodel;

import io.waybill.kernel.TenantId;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-tenant time zones, set as {@code waybill.tenants.<tenant id>.time-zone} (an IANA zone id such
 * as {@code America/Sao_Paulo}). KPIs and daily summaries count calendar days in this zone; a tenant
 * without an entry uses UTC. A tenant id containing dots is written in brackets:
 * {@code waybill.tenants[acme.br].time-zone}.
 */
@ConfigurationProperties("waybill")
public record TenantTimeZones(@DefaultValue Map<String, Tenant> tenants) {

    /** Settings of one tenant. */
    public record Tenant(@DefaultValue("UTC") ZoneId timeZone) {
    }

    public ZoneId zoneOf(TenantId tenantId) {
        Tenant tenant = tenants.get(tenantId.value());
        return tenant == null ? ZoneId.of("UTC") : tenant.timeZone();
    }
}
