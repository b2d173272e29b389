package io.waybill.gateway.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller may do. A JWT names its roles in a claim and an API key stores them; both use the
 * lower-case names ({@code process}, {@code partner}, ...). {@link AccessRules} maps roles to
 * endpoints.
 */
public enum Role {
    /** ERP and warehouse systems that send commands: release orders, open and tender shipments, record milestones. */
    PROCESS,
    /** A delivery platform or carrier; it reads and changes only shipments tendered to it. */
    PARTNER,
    /** Finance users and systems reading reconciliation, postings and KPIs. */
    FINANCE,
    /** Auditors reading event histories with their metadata. */
    AUDITOR,
    /** Operators: API keys, replay, dead letters. An admin without a tenant manages every tenant. */
    ADMIN,
    /** Metric scrapers: Prometheus and the other actuator endpoints apart from health. */
    MONITORING;

    /** Returns the name used in JWT claims, API keys and the HTTP API. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the Spring Security authority, {@code ROLE_} followed by the upper-case name. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Parses a claim value such as {@code finance}; unknown names yield empty. */
    public static Optional<Role> fromClaim(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.claimValue().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Roles that act inside one tenant's data and therefore need a tenant. */
    public boolean needsTenant() {
        return this != ADMIN && this != MONITORING;
    }
}
