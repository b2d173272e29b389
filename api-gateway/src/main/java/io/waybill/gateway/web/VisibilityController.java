package io.waybill.gateway.web;

import io.waybill.gateway.directory.CommandDirectory;
import io.waybill.gateway.messaging.RequestMetadata;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.NotFoundException;
import io.waybill.order.api.OrderId;
import io.waybill.settlement.Cursors;
import io.waybill.settlement.Page;
import io.waybill.settlement.visibility.ShipmentFilter;
import io.waybill.settlement.visibility.ShipmentView;
import io.waybill.settlement.visibility.VisibilityQueries;
import io.waybill.shipment.api.ShipmentId;
import io.waybill.shipment.api.ShipmentStatus;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Query API of shipment visibility. The read model follows the event store within moments, so a
 * shipment recorded a moment ago may not be visible yet.
 */
@RestController
@RequestMapping("/api/v1")
class VisibilityController {

    static final String SOURCE = "api:query";

    private final VisibilityQueries queries;

    private final CommandDirectory directory;

    VisibilityController(VisibilityQueries queries, CommandDirectory directory) {
        this.directory = directory;
        this.queries = queries;
    }

    record ShipmentList(List<ShipmentView> shipments) {
    }

    @GetMapping("/shipments/{shipmentId}")
    Mono<ShipmentView> byId(@PathVariable String shipmentId, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, SOURCE);
        ShipmentId id = ShipmentId.parse(shipmentId);
        return CommandSender.blocking(() -> queries.byShipment(caller.tenantId(), id)
                .orElseThrow(() -> new NotFoundException("shipmentId", shipmentId)));
    }

    @GetMapping("/orders/{orderId}/shipments")
    Mono<ShipmentList> byOrder(@PathVariable String orderId, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, SOURCE);
        OrderId id = OrderId.parse(orderId);
        return CommandSender.blocking(() -> {
            if (directory.orderStatus(caller.tenantId(), id).isEmpty()) {
                throw new NotFoundException("orderId", orderId);
            }
            return new ShipmentList(queries.byOrder(caller.tenantId(), id));
        });
    }

    @GetMapping("/shipments/by-tracking")
    Mono<ShipmentList> byTracking(@RequestParam(required = false) String trackingNumber,
                                  @RequestParam(required = false) String carrier, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, SOURCE);
        String tracking = QueryParameters.text("trackingNumber", trackingNumber, 200);
        String carrierName = QueryParameters.text("carrier", carrier, 200);
        if (tracking == null) {
            throw new InvalidValueException("trackingNumber", trackingNumber, "give the tracking number to look up");
        }
        if (carrierName == null) {
            throw new InvalidValueException("carrier", carrier,
                    "give the carrier too, because carriers may reuse each other's tracking numbers");
        }
        return CommandSender.blocking(() -> new ShipmentList(queries.byTracking(caller.tenantId(), tracking,
                carrierName)));
    }

    /** Lists shipments by last change, oldest first, filtered by status, carrier and change time. */
    @GetMapping("/shipments")
    Mono<Page<ShipmentView>> list(@RequestParam(required = false) String status,
                                  @RequestParam(required = false) String carrier,
                                  @RequestParam(required = false) String updatedSince,
                                  @RequestParam(required = false) String cursor,
                                  @RequestParam(required = false) String limit, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, SOURCE);
        ShipmentStatus statusFilter = QueryParameters.enumValue("status", status, ShipmentStatus.class);
        ShipmentFilter filter = new ShipmentFilter(statusFilter == null ? null : statusFilter.name(),
                QueryParameters.text("carrier", carrier, 200), QueryParameters.instant("updatedSince", updatedSince));
        int pageSize = Cursors.limit(QueryParameters.integer("limit", limit), VisibilityQueries.DEFAULT_LIMIT,
                VisibilityQueries.MAX_LIMIT);
        return CommandSender.blocking(() -> queries.list(caller.tenantId(), filter, cursor, pageSize));
    }
}
