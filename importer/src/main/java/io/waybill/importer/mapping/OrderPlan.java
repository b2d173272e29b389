package io.waybill.importer.mapping;

import io.waybill.importer.client.ChargeRequests.ExpectedCharges;
import io.waybill.importer.client.OrderRequests.CreateShipment;
import io.waybill.importer.client.OrderRequests.Reason;
import io.waybill.importer.client.OrderRequests.ReleaseOrder;
import io.waybill.importer.client.PaymentRequests.RecordPayment;
import io.waybill.importer.client.ShipmentRequests.Milestone;
import io.waybill.importer.client.ShipmentRequests.Tender;
import io.waybill.importer.olist.OlistOrder;
import io.waybill.importer.olist.SourceLine;
import java.util.List;

/**
 * Every request the importer sends for one Olist order, in the order it sends them: the release,
 * then a cancel or hold, then the shipment with its tender, milestones and expected charges, and
 * last the payments.
 *
 * @param itemSources        lines of the order's item rows, in the order of the release lines; empty
 *                           when Olist lists no items for the order
 * @param statusChange       cancel or hold after the release; {@code null} for neither
 * @param cancelAfterHandover true for an order Olist marks cancelled although a carrier took it;
 *                           the ledger rejects a cancel after hand-over, so none is sent
 * @param shipment           {@code null} when no carrier ever had the order
 * @param zeroPayments       payment rows of 0.00, which are not sent because the ledger records only
 *                           positive payments and a zero payment changes no total
 */
public record OrderPlan(OlistOrder order, List<SourceLine> itemSources, ReleaseOrder release, StatusChange statusChange,
                        boolean cancelAfterHandover, ShipmentPlan shipment, List<PaymentPlan> payments,
                        int zeroPayments) {

    public enum StatusAction { CANCEL, HOLD }

    public record StatusChange(StatusAction action, Reason body) {
    }

    /** @param charges {@code null} when the order has no item rows and so no freight */
    public record ShipmentPlan(CreateShipment create, Tender tender, List<Milestone> milestones,
                               ExpectedCharges charges) {
    }

    public record PaymentPlan(SourceLine source, RecordPayment body) {
    }

    public String orderId() {
        return order.orderId();
    }
}
