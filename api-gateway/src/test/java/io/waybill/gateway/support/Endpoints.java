package io.waybill.gateway.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Lists every endpoint the running application serves, from Spring's handler mappings plus the
 * actuator and API documentation paths, with path variables filled in by random UUIDs. Tests
 * that walk this list cover endpoints added later without being edited.
 */
public final class Endpoints {

    /** One method and concrete path. */
    public record Endpoint(HttpMethod method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private Endpoints() {
    }

    public static List<Endpoint> all(ApplicationContext context) {
        List<Endpoint> endpoints = new ArrayList<>();
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                String path = fill(pattern.getPatternString());
                if (methods.isEmpty()) {
                    endpoints.add(new Endpoint(HttpMethod.GET, path));
                    endpoints.add(new Endpoint(HttpMethod.POST, path));
                } else {
                    methods.forEach(method -> endpoints.add(new Endpoint(method.asHttpMethod(), path)));
                }
            }
        }
        endpoints.add(new Endpoint(HttpMethod.GET, "/actuator/prometheus"));
        endpoints.add(new Endpoint(HttpMethod.GET, "/actuator/metrics"));
        endpoints.add(new Endpoint(HttpMethod.GET, "/actuator/info"));
        endpoints.add(new Endpoint(HttpMethod.GET, "/v3/api-docs"));
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(endpoint -> endpoint.method().name()));
        return endpoints;
    }

    /** Endpoints of the ledger's own API, under {@code /api/}. */
    public static List<Endpoint> api(ApplicationContext context) {
        return all(context).stream().filter(endpoint -> endpoint.path().startsWith("/api/")).toList();
    }

    private static String fill(String pattern) {
        return pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }
}
