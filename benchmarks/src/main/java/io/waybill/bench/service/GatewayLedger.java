package io.waybill.bench.service;

import io.waybill.bench.load.Ledger;
import io.waybill.bench.load.MilestoneStep;
import io.waybill.bench.load.ShipmentPlan;
import io.waybill.gateway.messaging.RequestMetadata;
import io.waybill.kernel.Money;
import io.waybill.order.api.Address;
import io.waybill.order.api.OrderCommands.ReleaseOrder;
import io.waybill.order.api.OrderLine;
import io.waybill.order.api.PromisedDelivery;
import io.waybill.order.api.ServiceLevel;
import io.waybill.kernel.PartnerId;
import io.waybill.shipment.api.ShipmentCommands.CreateShipment;
import io.waybill.shipment.api.ShipmentCommands.RecordMilestone;
import io.waybill.shipment.api.ShipmentCommands.TenderShipment;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

/**
 * Sends the same commands as the process API, with the same metadata, straight to the command
 * gateway inside the service's JVM. The difference to {@code HttpLedger} is the cost of HTTP, JSON
 * and the hop off the event loop.
 */
final class GatewayLedger implements Ledger {

    private static final String SOURCE = "api:process";
    private static final Currency BRL = Currency.getInstance("BRL");

    private final CommandGateway gateway;

    GatewayLedger(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public void release(ShipmentPlan plan) {
        Instant first = plan.milestones().get(0).occurredAt();
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < plan.lines(); i++) {
            lines.add(new OrderLine(i + 1, "SKU-" + (1000 + i * 17), 1 + i % 3,
                    new Money(new BigDecimal("49.90").add(BigDecimal.valueOf(i * 10L)), BRL)));
        }
        Address shipTo = new Address("Ana Souza", "Rua Augusta 100", null, "01304-000", "Sao Paulo", "SP", "BR");
        PromisedDelivery promised = new PromisedDelivery(
                LocalDate.ofInstant(first, ZoneOffset.UTC).plusDays(7), null, null);
        send(plan, new ReleaseOrder(plan.orderId(), plan.tenantId(), plan.erpOrderNumber(),
                "CUST-" + Math.abs(plan.erpOrderNumber().hashCode() % 100_000), shipTo, lines, BRL, promised,
                ServiceLevel.STANDARD, new BigDecimal("1.5"), first.minus(Duration.ofHours(3))));
    }

    @Override
    public void createShipment(ShipmentPlan plan) {
        send(plan, new CreateShipment(plan.shipmentId(), plan.tenantId(), plan.orderId(), ShipmentPlan.SHIPMENT_NUMBER,
                plan.milestones().get(0).occurredAt().minus(Duration.ofHours(2))));
    }

    @Override
    public void tender(ShipmentPlan plan) {
        send(plan, new TenderShipment(plan.shipmentId(), plan.tenantId(), PartnerId.of("sandbox"),
                "BP-" + plan.trackingNumber(), plan.trackingNumber(), "Correios",
                plan.milestones().get(0).occurredAt().minus(Duration.ofHours(1))));
    }

    @Override
    public void recordMilestone(ShipmentPlan plan, MilestoneStep step) {
        send(plan, new RecordMilestone(plan.shipmentId(), plan.tenantId(), step.code(), step.occurredAt(),
                step.sourceEventId(), "carrier:bench", step.rawCode(), step.reason(), null, step.description(),
                step.location(), step.proofOfDelivery(), step.estimatedDelivery(), step.attemptNumber()));
    }

    @Override
    public void recordBatch(List<BatchItem> items) {
        throw new UnsupportedOperationException("the command gateway has no batch operation; batches are an HTTP feature");
    }

    private void send(ShipmentPlan plan, Object command) {
        MetaData metaData = new RequestMetadata(plan.tenantId(), UUID.randomUUID().toString(), SOURCE, null, null)
                .toMetaData();
        try {
            gateway.sendAndWait(command, metaData);
        } catch (RuntimeException e) {
            throw new LedgerException(command.getClass().getSimpleName() + " failed: " + e, e);
        }
    }
}
