package io.waybill.gateway.support;

import io.waybill.gateway.directory.CommandDirectory;
import io.waybill.gateway.messaging.RequestMetadata;
import io.waybill.gateway.web.Callers;
import io.waybill.gateway.web.CommandSender;
import io.waybill.kernel.NotFoundException;
import io.waybill.order.api.OrderId;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.ShipmentCommands.MilestoneResult;
import io.waybill.shipment.api.ShipmentCommands.RecordMilestone;
import io.waybill.shipment.api.ShipmentId;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A minimal partner webhook that exists only in tests, under the partner paths, so the security
 * tests can exercise partner authentication, signatures and shipment scoping through the same
 * central code that real partner endpoints use: {@link Callers}, {@link CommandDirectory} and the
 * command bus.
 */
@RestController
@RequestMapping("/api/v1/partners/probe/shipments/{shipmentId}")
class PartnerProbeController {

    private final CommandSender commands;
    private final CommandDirectory directory;

    PartnerProbeController(CommandSender commands, CommandDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    record ProbeMilestone(MilestoneCode code, Instant occurredAt, String sourceEventId) {
    }

    record ProbeShipment(String shipmentId, String orderId) {
    }

    @PostMapping("/milestones")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<MilestoneResult> milestone(@PathVariable String shipmentId, @RequestBody ProbeMilestone body,
                                    ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, "partner:probe");
        return commands.send(new RecordMilestone(ShipmentId.parse(shipmentId), caller.tenantId(), body.code(),
                body.occurredAt(), body.sourceEventId(), "probe", body.code().name(), null, null, null, null, null,
                null, null), caller);
    }

    @GetMapping
    Mono<ProbeShipment> shipment(@PathVariable String shipmentId, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, "partner:probe");
        ShipmentId id = ShipmentId.parse(shipmentId);
        return CommandSender.blocking(() -> directory.orderOfShipment(caller, id)
                .map(OrderId::toString)
                .map(orderId -> new ProbeShipment(shipmentId, orderId))
                .orElseThrow(() -> new NotFoundException("shipmentId", shipmentId)));
    }
}
