package io.waybill.gateway.web;

import io.waybill.gateway.messaging.RequestMetadata;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.NotFoundException;
import io.waybill.settlement.Cursors;
import io.waybill.settlement.Page;
import io.waybill.settlement.Projection;
import io.waybill.settlement.posting.PostingDeliveries;
import io.waybill.settlement.posting.PostingQueries;
import io.waybill.settlement.posting.PostingView;
import io.waybill.settlement.replay.ProjectionAdmin;
import io.waybill.settlement.replay.ProjectionStatus;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Admin API: projection status and rebuilds, and the ERP dead letters. Rebuilds affect every tenant;
 * dead letters are listed and retried for the caller's tenant.
 */
// NOTE: any caller with a tenant header may rebuild projections until authentication adds an admin role.
@RestController
@RequestMapping("/api/v1/admin")
class AdminController {

    static final String SOURCE = "api:admin";
    private static final Logger log = LoggerFactory.getLogger(AdminController.class);

    private final ProjectionAdmin projections;
    private final PostingQueries postings;
    private final PostingDeliveries deliveries;
    private final Clock clock;

    AdminController(ProjectionAdmin projections, PostingQueries postings, PostingDeliveries deliveries, Clock clock) {
        this.projections = projections;
        this.postings = postings;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    record Projections(List<ProjectionStatus> projections) {
    }

    @GetMapping("/projections")
    Mono<Projections> projections(ServerWebExchange exchange) {
        Callers.of(exchange, SOURCE);
        return CommandSender.blocking(() -> new Projections(projections.statuses()));
    }

    @GetMapping("/projections/{name}")
    Mono<ProjectionStatus> projection(@PathVariable String name, ServerWebExchange exchange) {
        Callers.of(exchange, SOURCE);
        Projection projection = projection(name);
        return CommandSender.blocking(() -> projections.status(projection));
    }

    /** Starts a rebuild and returns 202 at once; poll the status for progress. */
    @PostMapping("/projections/{name}/rebuild")
    Mono<ResponseEntity<ProjectionStatus>> rebuild(@PathVariable String name, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, SOURCE);
        Projection projection = projection(name);
        log.info("Rebuild of projection {} requested, correlation id {}", name, caller.correlationId());
        return CommandSender.blocking(() -> ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(projections.rebuild(projection)));
    }

    @PostMapping("/projections/rebuild")
    Mono<ResponseEntity<Projections>> rebuildAll(ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, SOURCE);
        log.info("Rebuild of every projection requested, correlation id {}", caller.correlationId());
        return CommandSender.blocking(() -> {
            List<ProjectionStatus> statuses = Arrays.stream(Projection.values()).map(projections::rebuild).toList();
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Projections(statuses));
        });
    }

    @GetMapping("/erp/dead-letters")
    Mono<Page<PostingView>> deadLetters(@RequestParam(required = false) String cursor,
                                        @RequestParam(required = false) String limit, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, SOURCE);
        int pageSize = Cursors.limit(QueryParameters.integer("limit", limit), PostingQueries.DEFAULT_LIMIT,
                PostingQueries.MAX_LIMIT);
        return CommandSender.blocking(() -> postings.deadLetters(caller.tenantId(), cursor, pageSize));
    }

    /** Moves a dead letter back to PENDING; the dispatcher sends it in its next round. */
    @PostMapping("/erp/dead-letters/{postingId}/retry")
    Mono<PostingView> retry(@PathVariable String postingId, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, SOURCE);
        UUID id = QueryParameters.uuid("postingId", postingId);
        log.info("Retry of dead letter {} requested, correlation id {}", postingId, caller.correlationId());
        return CommandSender.blocking(() -> {
            deliveries.retry(caller.tenantId(), id, clock.instant());
            return postings.byId(caller.tenantId(), id).orElseThrow(() -> new NotFoundException("postingId", postingId));
        });
    }

    private static Projection projection(String name) {
        return Projection.byProcessingGroup(name).orElseThrow(() -> new InvalidValueException("name", name,
                "give one of " + Arrays.stream(Projection.values()).map(Projection::processingGroup)
                        .collect(Collectors.joining(", "))));
    }
}
