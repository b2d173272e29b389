package io.waybill.gateway.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One row of the access table: requests with one of the methods (any method when the set is empty)
 * to a path matching one of the Spring path patterns belong to an endpoint class and need one of
 * the roles. An open rule needs no credentials at all.
 */
public final class AccessRule {

    private final String endpointClass;
    private final Set<HttpMethod> methods;
    private final List<PathPattern> patterns;
    private final Set<Role> roles;
    private final boolean open;

    AccessRule(String endpointClass, Set<HttpMethod> methods, List<String> patterns, Set<Role> roles, boolean open) {
        this.endpointClass = endpointClass;
        this.methods = Set.copyOf(methods);
        this.patterns = patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        this.open = open;
    }

    /** Name used by rate limits and metrics, for example {@code process}. */
    public String endpointClass() {
        return endpointClass;
    }

    /** Methods the rule covers; empty means every method. */
    public Set<HttpMethod> methods() {
        return methods;
    }

    public List<String> patterns() {
        return patterns.stream().map(PathPattern::getPatternString).toList();
    }

    /** Roles of which the caller needs at least one; empty for an open rule. */
    public Set<Role> roles() {
        return roles;
    }

    public boolean open() {
        return open;
    }

    public boolean matches(HttpMethod method, PathContainer path) {
        if (!methods.isEmpty() && !methods.contains(method)) {
            return false;
        }
        return patterns.stream().anyMatch(pattern -> pattern.matches(path));
    }

    /** Spring Security role names without the {@code ROLE_} prefix, as {@code hasAnyRole} expects them. */
    String[] roleNames() {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    @Override
    public String toString() {
        return endpointClass + " " + (methods.isEmpty() ? "any" : methods) + " " + patterns() + " -> "
                + (open ? "open" : roles);
    }
}
