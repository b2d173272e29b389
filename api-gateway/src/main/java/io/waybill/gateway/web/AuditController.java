package io.waybill.gateway.web;

import io.waybill.gateway.directory.CommandDirectory;
import io.waybill.gateway.messaging.RequestMetadata;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.WorldEvent;
import io.waybill.order.api.OrderId;
import io.waybill.shipment.api.ShipmentId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Revision;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Audit API: the complete, ordered event history of a shipment or an order, with each event's metadata. */
@RestController
@RequestMapping("/api/v1")
class AuditController {

    private final EventStore eventStore;
    private final CommandDirectory directory;

    AuditController(EventStore eventStore, CommandDirectory directory) {
        this.eventStore = eventStore;
        this.directory = directory;
    }

    /**
     * One stored event. {@code occurredAt} is when it happened in the world, {@code recordedAt} when
     * the ledger stored it.
     */
    record HistoryEntry(long sequenceNumber, String eventId, String type, String payloadType, String revision,
                        Instant occurredAt, Instant recordedAt, Map<String, Object> metadata, Object payload) {
    }

    record History(String aggregateId, String aggregateType, int eventCount, List<HistoryEntry> events) {
    }

    @GetMapping("/shipments/{shipmentId}/history")
    Mono<History> shipmentHistory(@PathVariable String shipmentId, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, "api:audit");
        ShipmentId id = ShipmentId.parse(shipmentId);
        return CommandSender.blocking(() -> {
            if (directory.orderOfShipment(caller.tenantId(), id).isEmpty()) {
                throw new NotFoundException("shipmentId", shipmentId);
            }
            return read(id.toString(), "Shipment");
        });
    }

    @GetMapping("/orders/{orderId}/history")
    Mono<History> orderHistory(@PathVariable String orderId, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, "api:audit");
        OrderId id = OrderId.parse(orderId);
        return CommandSender.blocking(() -> {
            if (directory.orderStatus(caller.tenantId(), id).isEmpty()) {
                throw new NotFoundException("orderId", orderId);
            }
            return read(id.toString(), "Order");
        });
    }

    private History read(String aggregateId, String aggregateType) {
        List<HistoryEntry> entries = eventStore.readEvents(aggregateId).asStream()
                .map(AuditController::toEntry)
                .toList();
        return new History(aggregateId, aggregateType, entries.size(), entries);
    }

    private static HistoryEntry toEntry(DomainEventMessage<?> message) {
        Class<?> type = message.getPayloadType();
        Revision revision = type.getAnnotation(Revision.class);
        return new HistoryEntry(message.getSequenceNumber(), message.getIdentifier(), type.getSimpleName(),
                type.getName(), revision == null ? null : revision.value(), message.getPayload() instanceof WorldEvent event ? event.occurredAt() : null,
                message.getTimestamp(), message.getMetaData(), message.getPayload());
    }
}
