package io.waybill.gateway.web;

import io.waybill.gateway.messaging.RequestMetadata;
import io.waybill.gateway.web.ProblemResponses.Problems;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.PartnerId;
import io.waybill.kernel.RejectedCommandException;
import io.waybill.shipment.api.Location;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.MilestoneOutcome;
import io.waybill.shipment.api.ProofOfDelivery;
import io.waybill.shipment.api.ReasonCode;
import io.waybill.shipment.api.ShipmentCommands.MilestoneResult;
import io.waybill.shipment.api.ShipmentCommands.RecordMilestone;
import io.waybill.shipment.api.ShipmentCommands.TenderShipment;
import io.waybill.shipment.api.ShipmentId;
import io.waybill.shipment.api.ShipmentStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Process API for shipments: tender, and milestones one at a time or in batches. */
@RestController
@RequestMapping("/api/v1")
class ShipmentController {

    /** Largest batch one request may carry; bigger uploads are split by the caller. */
    static final int MAX_BATCH = 1_000;
    /** How far ahead of the ledger's clock a milestone may claim to have happened (partner clock skew). */
    static final Duration MAX_CLOCK_SKEW = Duration.ofHours(24);
    private static final int BATCH_SHIPMENTS_IN_PARALLEL = 4;

    private final CommandSender commands;
    private final Clock clock;
    private final ObjectMapper json;

    ShipmentController(CommandSender commands, Clock clock, ObjectMapper json) {
        this.commands = commands;
        this.clock = clock;
        this.json = json;
    }

    record TenderBody(String providerId, String providerShipmentId, String trackingNumber, String carrier,
                      Instant occurredAt) {
    }

    record MilestoneBody(String shipmentId, MilestoneCode code, Instant occurredAt, String sourceEventId,
                         String source, String rawCode, ReasonCode reason, String rawReason, String description,
                         Location location, ProofOfDelivery proofOfDelivery, Instant estimatedDelivery,
                         Integer attemptNumber) {
    }

    /** Items stay JSON trees here, so one item of the wrong shape is rejected alone, not the whole batch. */
    record MilestoneBatchBody(List<JsonNode> milestones) {
    }

    record TenderResponse(ShipmentId shipmentId, ShipmentStatus status) {
    }

    /** One batch item's result: its HTTP-equivalent status and either the result or a problem. */
    record BatchItemResult(int index, int status, String shipmentId, String sourceEventId, MilestoneOutcome outcome,
                           ShipmentStatus currentStatus, Integer failedAttempts, ProblemDetail problem) {
    }

    record BatchResponse(int received, int recorded, int duplicates, int rejected, List<BatchItemResult> results) {
    }

    @PostMapping("/shipments/{shipmentId}/tender")
    Mono<TenderResponse> tender(@PathVariable String shipmentId, @RequestBody TenderBody body,
                                ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, OrderController.SOURCE);
        ShipmentId id = ShipmentId.parse(shipmentId);
        PartnerId provider = FieldValues.partnerId("providerId", body.providerId());
        Instant at = body.occurredAt() != null ? body.occurredAt() : clock.instant();
        return commands.<ShipmentStatus>send(new TenderShipment(id, caller.tenantId(), provider,
                        body.providerShipmentId(), body.trackingNumber(), body.carrier(), at), caller)
                .map(status -> new TenderResponse(id, status));
    }

    @PostMapping("/shipments/{shipmentId}/milestones")
    Mono<ResponseEntity<MilestoneResult>> recordMilestone(@PathVariable String shipmentId,
                                                          @RequestBody MilestoneBody body,
                                                          ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, OrderController.SOURCE);
        if (body.shipmentId() != null && !body.shipmentId().equals(shipmentId)) {
            throw new InvalidValueException("shipmentId", body.shipmentId(),
                    "leave shipmentId out of the body, or make it equal to the shipment id in the path");
        }
        RecordMilestone command = toCommand(ShipmentId.parse(shipmentId), body, caller, "");
        return commands.<MilestoneResult>send(command, caller).map(result -> ResponseEntity
                .status(result.outcome() == MilestoneOutcome.DUPLICATE ? HttpStatus.OK : HttpStatus.CREATED)
                .body(result));
    }

    /**
     * Records up to {@value #MAX_BATCH} milestones, each in its own transaction and answered on its
     * own. Items of one shipment run in request order; different shipments run in parallel.
     */
    @PostMapping("/milestones/batch")
    Mono<BatchResponse> recordBatch(@RequestBody MilestoneBatchBody body, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, OrderController.SOURCE);
        List<JsonNode> items = body.milestones();
        if (items == null || items.isEmpty()) {
            throw new InvalidValueException("milestones", "[]", "send between 1 and " + MAX_BATCH + " milestones");
        }
        if (items.size() > MAX_BATCH) {
            throw new InvalidValueException("milestones", items.size() + " items",
                    "split the upload into batches of at most " + MAX_BATCH + " milestones");
        }
        return Flux.range(0, items.size())
                .groupBy(index -> items.get(index) == null ? "" : items.get(index).path("shipmentId").asText(""))
                .flatMap(group -> group.concatMap(index -> recordItem(index, items.get(index), caller)),
                        BATCH_SHIPMENTS_IN_PARALLEL)
                .sort(Comparator.comparingInt(BatchItemResult::index))
                .collectList()
                .map(ShipmentController::summarise);
    }

    private Mono<BatchItemResult> recordItem(int index, JsonNode node, RequestMetadata caller) {
        String prefix = "milestones[" + index + "].";
        MilestoneBody item;
        try {
            item = node == null || node.isNull() ? null : json.treeToValue(node, MilestoneBody.class);
        } catch (JsonProcessingException e) {
            ProblemDetail problem = Problems.fromJson(e);
            Object field = problem.getProperties() == null ? null : problem.getProperties().get("field");
            problem.setProperty("field", field == null ? prefix.substring(0, prefix.length() - 1) : prefix + field);
            problem.setDetail("milestones[" + index + "] is invalid: " + problem.getDetail());
            return Mono.just(new BatchItemResult(index, problem.getStatus(), node.path("shipmentId").asText(null),
                    node.path("sourceEventId").asText(null), null, null, null, problem));
        }
        try {
            if (item == null) {
                throw new InvalidValueException(prefix.substring(0, prefix.length() - 1), null, "remove the empty item");
            }
            if (item.shipmentId() == null) {
                throw new InvalidValueException(prefix + "shipmentId", null, "give the shipment id of each item");
            }
            ShipmentId shipmentId;
            try {
                shipmentId = ShipmentId.parse(item.shipmentId());
            } catch (InvalidValueException e) {
                throw new InvalidValueException(prefix + "shipmentId", item.shipmentId(), e.fix());
            }
            RecordMilestone command = toCommand(shipmentId, item, caller, prefix);
            return commands.<MilestoneResult>send(command, caller)
                    .map(result -> new BatchItemResult(index, result.outcome() == MilestoneOutcome.DUPLICATE ? 200 : 201,
                            item.shipmentId(), item.sourceEventId(), result.outcome(), result.currentStatus(),
                            result.failedAttempts(), null))
                    .onErrorResume(error -> Mono.just(failedItem(index, item, prefix, error)));
        } catch (RuntimeException e) {
            return Mono.just(failedItem(index, item, prefix, e));
        }
    }

    private static BatchItemResult failedItem(int index, MilestoneBody item, String prefix, Throwable error) {
        ProblemDetail problem;
        if (error instanceof RejectedCommandException rejection) {
            problem = Problems.fromRejection(rejection);
            String field = rejection.field();
            if (field != null && !field.startsWith("milestones[")) {
                problem.setProperty("field", prefix + field);
            }
        } else if (error instanceof AggregateNotFoundException) {
            problem = Problems.fromRejection(new NotFoundException(prefix + "shipmentId",
                    item == null ? null : item.shipmentId()));
        } else {
            problem = Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                    "the ledger could not record this item; nothing was recorded for it");
        }
        return new BatchItemResult(index, problem.getStatus(), item == null ? null : item.shipmentId(),
                item == null ? null : item.sourceEventId(), null, null, null, problem);
    }

    private static BatchResponse summarise(List<BatchItemResult> results) {
        int recorded = 0;
        int duplicates = 0;
        int rejected = 0;
        for (BatchItemResult result : results) {
            if (result.problem() != null) {
                rejected++;
            } else if (result.outcome() == MilestoneOutcome.DUPLICATE) {
                duplicates++;
            } else {
                recorded++;
            }
        }
        return new BatchResponse(results.size(), recorded, duplicates, rejected, results);
    }

    private RecordMilestone toCommand(ShipmentId shipmentId, MilestoneBody body, RequestMetadata caller,
                                      String prefix) {
        if (body.occurredAt() != null && body.occurredAt().isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
            throw new InvalidValueException(prefix + "occurredAt", body.occurredAt().toString(),
                    "give the time the milestone happened; it may lie at most 24 hours ahead of the ledger's clock");
        }
        String source = body.source() == null || body.source().isBlank() ? "api" : body.source();
        return new RecordMilestone(shipmentId, caller.tenantId(), body.code(), body.occurredAt(),
                body.sourceEventId(), source, body.rawCode(), body.reason(), body.rawReason(), body.description(),
                body.location(), body.proofOfDelivery(), body.estimatedDelivery(), body.attemptNumber());
    }
}
