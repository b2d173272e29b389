package io.waybill.gateway.web;

import io.waybill.gateway.directory.CommandDirectory;
import io.waybill.gateway.messaging.RequestMetadata;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.Money;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.PartnerId;
import io.waybill.order.api.OrderCommands.PaymentOutcome;
import io.waybill.order.api.OrderCommands.RecordPayment;
import io.waybill.order.api.OrderId;
import io.waybill.order.api.PaymentMethod;
import io.waybill.shipment.api.ChargeLine;
import io.waybill.shipment.api.ChargeType;
import io.waybill.shipment.api.ShipmentCommands.ChargeOutcome;
import io.waybill.shipment.api.ShipmentCommands.RecordCarrierInvoice;
import io.waybill.shipment.api.ShipmentCommands.RecordExpectedCharges;
import io.waybill.shipment.api.ShipmentId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
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

/**
 * Process API for money: customer payments on an order, and the expected charges (quote) and
 * carrier invoices of a shipment. Each is idempotent by its reference: a first recording returns 201, a
 * repeat 200, and the same reference with other content 409.
 */
@RestController
@RequestMapping("/api/v1")
class MoneyController {

    private final CommandSender commands;
    private final CommandDirectory directory;
    private final Clock clock;

    MoneyController(CommandSender commands, CommandDirectory directory, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
    }

    record PaymentBody(String paymentReference, PaymentMethod method, BigDecimal amount, String currency,
                       Integer installments, Instant occurredAt) {
    }

    record ChargeLineBody(ChargeType type, String rawCode, String description, BigDecimal amount) {
    }

    record QuoteBody(String quoteReference, String currency, List<ChargeLineBody> lines, Instant occurredAt) {
    }

    record InvoiceBody(String carrierId, String invoiceReference, String currency, List<ChargeLineBody> lines,
                       Instant occurredAt) {
    }

    @PostMapping("/orders/{orderId}/payments")
    Mono<ResponseEntity<PaymentOutcome>> recordPayment(@PathVariable String orderId, @RequestBody PaymentBody body,
                                                       ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, OrderController.SOURCE);
        OrderId id = OrderId.parse(orderId);
        RecordPayment command = new RecordPayment(id, caller.tenantId(), body.paymentReference(), body.method(),
                money(body.amount(), body.currency(), "amount"),
                body.installments() == null ? 1 : body.installments(), occurredAt(body.occurredAt()));
        return CommandSender.blocking(() -> directory.orderStatus(caller.tenantId(), id))
                .flatMap(status -> status.isEmpty()
                        ? Mono.error(new NotFoundException("orderId", orderId))
                        : commands.<PaymentOutcome>send(command, caller))
                .map(outcome -> ResponseEntity.status(outcome.recorded() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(outcome));
    }

    @PostMapping("/shipments/{shipmentId}/expected-charges")
    Mono<ResponseEntity<ChargeOutcome>> recordQuote(@PathVariable String shipmentId, @RequestBody QuoteBody body,
                                                    ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, OrderController.SOURCE);
        ShipmentId id = ShipmentId.parse(shipmentId);
        RecordExpectedCharges command = new RecordExpectedCharges(id, caller.tenantId(), body.quoteReference(),
                lines(body.lines(), body.currency()), occurredAt(body.occurredAt()));
        return sendForShipment(caller, id, command);
    }

    @PostMapping("/shipments/{shipmentId}/carrier-invoices")
    Mono<ResponseEntity<ChargeOutcome>> recordInvoice(@PathVariable String shipmentId, @RequestBody InvoiceBody body,
                                                      ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, OrderController.SOURCE);
        ShipmentId id = ShipmentId.parse(shipmentId);
        if (body.carrierId() == null) {
            throw new InvalidValueException("carrierId", null, "give the carrier that sent the invoice, for example ups");
        }
        RecordCarrierInvoice command = new RecordCarrierInvoice(id, caller.tenantId(), FieldValues.partnerId("carrierId", body.carrierId()),
                body.invoiceReference(), lines(body.lines(), body.currency()), occurredAt(body.occurredAt()));
        return sendForShipment(caller, id, command);
    }

    private Mono<ResponseEntity<ChargeOutcome>> sendForShipment(RequestMetadata caller, ShipmentId id, Object command) {
        return CommandSender.blocking(() -> directory.orderOfShipment(caller.tenantId(), id))
                .flatMap(order -> order.isEmpty()
                        ? Mono.error(new NotFoundException("shipmentId", id.toString()))
                        : commands.<ChargeOutcome>send(command, caller))
                .map(outcome -> ResponseEntity.status(outcome.recorded() ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(outcome));
    }

    private static List<ChargeLine> lines(List<ChargeLineBody> bodies, String currencyCode) {
        if (bodies == null) {
            return null;
        }
        List<ChargeLine> lines = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            ChargeLineBody line = bodies.get(i);
            if (line == null) {
                throw new InvalidValueException("lines[" + i + "]", null, "remove the empty line");
            }
            Money amount = line.amount() == null ? null : money(line.amount(), currencyCode, "lines[" + i + "].amount");
            lines.add(new ChargeLine(line.type(), line.rawCode(), line.description(), amount));
        }
        return lines;
    }

    private static Money money(BigDecimal amount, String currencyCode, String field) {
        if (currencyCode == null) {
            throw new InvalidValueException("currency", null, "give the ISO 4217 currency, for example EUR");
        }
        Currency currency = Money.currency(currencyCode);
        if (amount == null) {
            return null;
        }
        try {
            return new Money(amount, currency);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, e.value(), e.fix());
        }
    }

    private Instant occurredAt(Instant given) {
        return given != null ? given : clock.instant();
    }
}
