package io.waybill.importer.mapping;

import io.waybill.importer.client.ChargeRequests.ChargeLine;
import io.waybill.importer.client.ChargeRequests.ExpectedCharges;
import io.waybill.importer.client.OrderRequests.Address;
import io.waybill.importer.client.OrderRequests.CreateShipment;
import io.waybill.importer.client.OrderRequests.Line;
import io.waybill.importer.client.OrderRequests.PromisedDelivery;
import io.waybill.importer.client.OrderRequests.Reason;
import io.waybill.importer.client.OrderRequests.ReleaseOrder;
import io.waybill.importer.client.PaymentRequests.RecordPayment;
import io.waybill.importer.client.ShipmentRequests.Milestone;
import io.waybill.importer.client.ShipmentRequests.Tender;
import io.waybill.importer.mapping.OrderPlan.PaymentPlan;
import io.waybill.importer.mapping.OrderPlan.ShipmentPlan;
import io.waybill.importer.mapping.OrderPlan.StatusAction;
import io.waybill.importer.mapping.OrderPlan.StatusChange;
import io.waybill.importer.olist.OlistCustomer;
import io.waybill.importer.olist.OlistDataset;
import io.waybill.importer.olist.OlistItem;
import io.waybill.importer.olist.OlistOrder;
import io.waybill.importer.olist.OlistPayment;
import io.waybill.importer.olist.SourceLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns Olist rows into Waybill requests. docs/olist.md lists each column and where it goes. */
public final class OlistMapping {

    public static final String CURRENCY = "BRL";
    public static final String COUNTRY = "BR";
    public static final String SERVICE_LEVEL = "STANDARD";
    public static final String SHIPMENT_NUMBER = "1";
    /** Olist names no carrier, so every shipment is tendered to one provider standing for Olist's logistics. */
    public static final String PROVIDER = "olist";
    public static final String CARRIER = "olist-carrier";
    public static final String MILESTONE_SOURCE = "olist";
    /**
     * SKU of the one zero-priced line given to an order without item rows. Olist lists no items for
     * most unavailable and some cancelled orders, and a release needs at least one line.
     */
    public static final String NO_ITEM_ROWS_SKU = "olist:no-item-rows";

    private OlistMapping() {
    }

    public static OrderPlan plan(OlistOrder order, OlistDataset dataset) {
        List<OlistItem> items = dataset.items(order.orderId());
        OlistCustomer customer = dataset.customer(order.customerId());
        Instant releasedAt = releasedAt(order);
        ReleaseOrder release = new ReleaseOrder(order.orderId(), customer.customerUniqueId(),
                new Address(null, null, null, customer.zipCodePrefix(), customer.city(), customer.state(), COUNTRY),
                CURRENCY, lines(items), new PromisedDelivery(order.estimatedDeliveryDate()), SERVICE_LEVEL,
                releasedAt);

        boolean carrierHadIt = order.handedToCarrierAt() != null || order.deliveredAt() != null;
        boolean cancelled = "canceled".equals(order.status());
        StatusChange statusChange = null;
        if (cancelled && !carrierHadIt) {
            statusChange = new StatusChange(StatusAction.CANCEL, new Reason("Olist order_status canceled", null));
        } else if ("unavailable".equals(order.status())) {
            statusChange = new StatusChange(StatusAction.HOLD, new Reason("Olist order_status unavailable", null));
        }

        ShipmentPlan shipment = carrierHadIt ? shipment(order, items, releasedAt) : null;
        List<PaymentPlan> payments = dataset.payments(order.orderId()).stream()
                .filter(payment -> payment.value().signum() > 0)
                .map(payment -> payment(payment, releasedAt))
                .toList();
        long zeroPayments = dataset.payments(order.orderId()).size() - payments.size();
        List<SourceLine> itemSources = items.stream().map(OlistItem::source).toList();
        return new OrderPlan(order, itemSources, release, statusChange, cancelled && carrierHadIt, shipment, payments,
                (int) zeroPayments);
    }

    /**
     * Returns the release time: when Olist approved the payment and passed the order on for fulfilment, or the
     * purchase time for the orders that were never approved.
     */
    public static Instant releasedAt(OlistOrder order) {
        return order.approvedAt() != null ? order.approvedAt() : order.purchasedAt();
    }

    private static List<Line> lines(List<OlistItem> items) {
        if (items.isEmpty()) {
            return List.of(new Line(1, NO_ITEM_ROWS_SKU, 1, BigDecimal.ZERO));
        }
        return items.stream()
                .map(item -> new Line(item.itemNumber(), item.productId(), 1, item.price()))
                .toList();
    }

    private static ShipmentPlan shipment(OlistOrder order, List<OlistItem> items, Instant releasedAt) {
        String id = order.orderId();
        Tender tender = new Tender(PROVIDER, id, id, CARRIER, releasedAt);

        List<Milestone> milestones = new ArrayList<>(2);
        if (order.handedToCarrierAt() != null) {
            milestones.add(new Milestone("PICKED_UP", order.handedToCarrierAt(), sourceEventId(id, "delivered_carrier"),
                    MILESTONE_SOURCE, "order_delivered_carrier_date", null));
        }
        if (order.deliveredAt() != null) {
            milestones.add(new Milestone("DELIVERED", order.deliveredAt(), sourceEventId(id, "delivered_customer"),
                    MILESTONE_SOURCE, "order_delivered_customer_date", null));
        }
        // Milestones go out in the order they happened, as a live feed would send them. A delivery stamped
        // before the pick-up therefore arrives first, and the ledger flags the later pick-up as a conflict.
        // The sort is stable, so a pick-up and a delivery with the same time keep that order.
        milestones.sort(Comparator.comparing(Milestone::occurredAt));

        ExpectedCharges charges = null;
        if (!items.isEmpty()) {
            BigDecimal freight = items.stream().map(OlistItem::freight).reduce(BigDecimal.ZERO, BigDecimal::add);
            charges = new ExpectedCharges("olist:" + id + ":freight", CURRENCY,
                    List.of(new ChargeLine("BASE_FREIGHT", "freight_value", "sum of the items' freight_value",
                            freight)), releasedAt);
        }
        return new ShipmentPlan(new CreateShipment(SHIPMENT_NUMBER, releasedAt), tender, List.copyOf(milestones),
                charges);
    }

    /** Source event id of a milestone, derived from the order and the column, so a rerun repeats it exactly. */
    public static String sourceEventId(String orderId, String event) {
        return "olist:" + orderId + ":" + event;
    }

    private static PaymentPlan payment(OlistPayment payment, Instant releasedAt) {
        return new PaymentPlan(payment.source(), new RecordPayment(
                "olist:" + payment.orderId() + ":" + payment.sequential(), paymentMethod(payment.type()),
                payment.value(), CURRENCY, payment.installments(), releasedAt));
    }

    /**
     * Maps an Olist {@code payment_type} to a Waybill payment method. Vouchers are store credit, which
     * has no method of its own, and {@code not_defined} or any other name becomes {@code OTHER}.
     */
    public static String paymentMethod(String olistType) {
        return switch (olistType) {
            case "credit_card", "debit_card" -> "CARD";
            case "boleto" -> "BANK_SLIP";
            default -> "OTHER";
        };
    }
}
