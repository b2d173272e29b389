package io.waybill.gateway.web;

import io.waybill.gateway.directory.CommandDirectory;
import io.waybill.gateway.messaging.RequestMetadata;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.Money;
import io.waybill.kernel.NotFoundException;
import io.waybill.order.api.Address;
import io.waybill.order.api.OrderCommands.CancelOrder;
import io.waybill.order.api.OrderCommands.PlaceOrderOnHold;
import io.waybill.order.api.OrderCommands.ReleaseOrder;
import io.waybill.order.api.OrderCommands.ReleaseOrderHold;
import io.waybill.order.api.OrderCommands.ReleaseOutcome;
import io.waybill.order.api.OrderId;
import io.waybill.order.api.OrderLine;
import io.waybill.order.api.OrderStatus;
import io.waybill.order.api.PromisedDelivery;
import io.waybill.order.api.ServiceLevel;
import io.waybill.shipment.api.ShipmentCommands.CreateOutcome;
import io.waybill.shipment.api.ShipmentCommands.CreateShipment;
import io.waybill.shipment.api.ShipmentId;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Process API for orders: release, hold, release of a hold, cancel, and opening a shipment. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    static final String SOURCE = "api:process";

    private final CommandSender commands;
    private final CommandDirectory directory;
    private final Clock clock;

    OrderController(CommandSender commands, CommandDirectory directory, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
    }

    record AddressBody(String name, String line1, String line2, String postalCode, String city, String region,
                       String countryCode) {
    }

    record LineBody(Integer lineNumber, String sku, Integer quantity, BigDecimal unitPrice) {
    }

    record PromisedDeliveryBody(LocalDate latestDate, Instant windowStart, Instant windowEnd) {
    }

    record ReleaseOrderBody(String erpOrderNumber, String customerReference, AddressBody shipTo, String currency,
                            List<LineBody> lines, PromisedDeliveryBody promisedDelivery, ServiceLevel serviceLevel,
                            BigDecimal parcelWeightKg, Instant releasedAt) {
    }

    record ReasonBody(String reason, Instant occurredAt) {
    }

    record CreateShipmentBody(String shipmentNumber, Instant occurredAt) {
    }

    record OrderResponse(OrderId orderId, boolean created) {
    }

    record OrderStatusResponse(OrderId orderId, OrderStatus status) {
    }

    record ShipmentResponse(ShipmentId shipmentId, OrderId orderId, String shipmentNumber, boolean created) {
    }

    @PostMapping
    Mono<ResponseEntity<OrderResponse>> release(@RequestBody ReleaseOrderBody body, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, SOURCE);
        ReleaseOrder command = toCommand(body, caller);
        return commands.<ReleaseOutcome>send(command, caller).map(outcome -> {
            OrderResponse response = new OrderResponse(outcome.orderId(), outcome.created());
            return outcome.created()
                    ? ResponseEntity.created(URI.create("/api/v1/orders/" + outcome.orderId())).body(response)
                    : ResponseEntity.ok(response);
        });
    }

    @PostMapping("/{orderId}/hold")
    Mono<OrderStatusResponse> hold(@PathVariable String orderId, @RequestBody ReasonBody body,
                                   ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, SOURCE);
        OrderId id = OrderId.parse(orderId);
        return commands.<OrderStatus>send(new PlaceOrderOnHold(id, caller.tenantId(), body.reason(),
                        occurredAt(body.occurredAt())), caller)
                .map(status -> new OrderStatusResponse(id, status));
    }

    @PostMapping("/{orderId}/hold-release")
    Mono<OrderStatusResponse> releaseHold(@PathVariable String orderId, @RequestBody ReasonBody body,
                                          ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, SOURCE);
        OrderId id = OrderId.parse(orderId);
        return commands.<OrderStatus>send(new ReleaseOrderHold(id, caller.tenantId(), body.reason(),
                        occurredAt(body.occurredAt())), caller)
                .map(status -> new OrderStatusResponse(id, status));
    }

    @PostMapping("/{orderId}/cancel")
    Mono<OrderStatusResponse> cancel(@PathVariable String orderId, @RequestBody ReasonBody body,
                                     ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, SOURCE);
        OrderId id = OrderId.parse(orderId);
        return commands.<OrderStatus>send(new CancelOrder(id, caller.tenantId(), body.reason(),
                        occurredAt(body.occurredAt())), caller)
                .map(status -> new OrderStatusResponse(id, status));
    }

    @PostMapping("/{orderId}/shipments")
    Mono<ResponseEntity<ShipmentResponse>> createShipment(@PathVariable String orderId,
                                                          @RequestBody(required = false) CreateShipmentBody body,
                                                          ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, SOURCE);
        OrderId id = OrderId.parse(orderId);
        String number = body == null || body.shipmentNumber() == null ? "1" : body.shipmentNumber();
        Instant at = occurredAt(body == null ? null : body.occurredAt());
        ShipmentId shipmentId = ShipmentId.forOrder(id, number);
        return CommandSender.blocking(() -> directory.orderStatus(caller.tenantId(), id))
                .flatMap(status -> {
                    if (status.isEmpty()) {
                        return Mono.error(new NotFoundException("orderId", orderId));
                    }
                    if (status.get() == OrderStatus.CANCELLED) {
                        return Mono.error(new ConflictException("order " + orderId + " is cancelled", "orderId",
                                orderId, "release a new order instead of shipping a cancelled one"));
                    }
                    return commands.<CreateOutcome>send(new CreateShipment(shipmentId, caller.tenantId(), id,
                            number, at), caller);
                })
                .map(outcome -> {
                    ShipmentResponse response = new ShipmentResponse(shipmentId, id, number, outcome.created());
                    return outcome.created()
                            ? ResponseEntity.status(HttpStatus.CREATED)
                                    .location(URI.create("/api/v1/shipments/" + shipmentId)).body(response)
                            : ResponseEntity.ok(response);
                });
    }

    private Instant occurredAt(Instant given) {
        return occurredAt("occurredAt", given);
    }

    /** Returns the given time, or now when absent; a time more than a day ahead of the clock is rejected. */
    private Instant occurredAt(String field, Instant given) {
        Instant now = clock.instant();
        if (given != null && given.isAfter(now.plus(ShipmentController.MAX_CLOCK_SKEW))) {
            throw new InvalidValueException(field, given.toString(),
                    "give the time it happened; it may lie at most 24 hours ahead of the ledger's clock");
        }
        return given != null ? given : now;
    }

    private ReleaseOrder toCommand(ReleaseOrderBody body, RequestMetadata caller) {
        if (body.erpOrderNumber() == null || body.erpOrderNumber().isBlank()) {
            throw new InvalidValueException("erpOrderNumber", body.erpOrderNumber(), "give the ERP order number");
        }
        if (body.currency() == null) {
            throw new InvalidValueException("currency", null, "give the ISO 4217 currency of the order, for example EUR");
        }
        Currency currency = Money.currency(body.currency());
        List<OrderLine> lines = body.lines() == null ? null : toLines(body.lines(), currency);
        AddressBody to = body.shipTo();
        Address address = to == null ? null
                : new Address(to.name(), to.line1(), to.line2(), to.postalCode(), to.city(), to.region(),
                        to.countryCode());
        PromisedDeliveryBody promised = body.promisedDelivery();
        PromisedDelivery delivery = promised == null ? null
                : new PromisedDelivery(promised.latestDate(), promised.windowStart(), promised.windowEnd());
        return new ReleaseOrder(OrderId.forErpOrder(caller.tenantId(), body.erpOrderNumber()), caller.tenantId(),
                body.erpOrderNumber(), body.customerReference(), address, lines, currency, delivery,
                body.serviceLevel(), body.parcelWeightKg(), occurredAt("releasedAt", body.releasedAt()));
    }

    private static List<OrderLine> toLines(List<LineBody> bodies, Currency currency) {
        List<OrderLine> lines = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            LineBody line = bodies.get(i);
            if (line == null) {
                throw new InvalidValueException("lines[" + i + "]", null, "remove the empty line");
            }
            if (line.unitPrice() == null) {
                throw new InvalidValueException("lines[" + i + "].unitPrice", null, "give the unit price");
            }
            if (line.quantity() == null) {
                throw new InvalidValueException("lines[" + i + "].quantity", null, "give a positive whole quantity");
            }
            Money price;
            try {
                price = new Money(line.unitPrice(), currency);
            } catch (InvalidValueException e) {
                throw new InvalidValueException("lines[" + i + "].unitPrice", e.value(), e.fix());
            }
            int number = line.lineNumber() == null ? i + 1 : line.lineNumber();
            lines.add(new OrderLine(number, line.sku(), line.quantity(), price));
        }
        return lines;
    }
}
