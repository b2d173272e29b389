package io.waybill.order;

import io.waybill.kernel.Money;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.Address;
import io.waybill.order.api.OrderCommands.CancelOrder;
import io.waybill.order.api.OrderCommands.PlaceOrderOnHold;
import io.waybill.order.api.OrderCommands.RecordCarrierHandover;
import io.waybill.order.api.OrderCommands.ReleaseOrder;
import io.waybill.order.api.OrderCommands.ReleaseOrderHold;
import io.waybill.order.api.OrderId;
import io.waybill.order.api.OrderLine;
import io.waybill.order.api.PromisedDelivery;
import io.waybill.order.api.ServiceLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** Valid order commands for one tenant and one ERP order. Each test changes only the fields it is about. */
final class OrderTestData {

    static final TenantId TENANT = TenantId.of("acme");
    static final TenantId OTHER_TENANT = TenantId.of("globex");
    static final String ERP_ORDER_NUMBER = "ERP-1001";
    static final OrderId ORDER_ID = OrderId.forErpOrder(TENANT, ERP_ORDER_NUMBER);
    static final Currency EUR = Money.currency("EUR");
    static final Instant RELEASED_AT = Instant.parse("2026-03-01T09:00:00Z");
    static final Instant LATER = Instant.parse("2026-03-01T11:00:00Z");
    static final String SHIPMENT_ID = "3f1c2a60-0d4e-3b8a-9c51-7e2f4b6d8a10";

    private OrderTestData() {
    }

    static ReleaseOrder anyReleaseOrder() {
        return aReleaseOrder().build();
    }

    static ReleaseOrderBuilder aReleaseOrder() {
        return new ReleaseOrderBuilder();
    }

    static Address anyAddress() {
        return new Address("Erika Mustermann", "Hauptstrasse 5", null, "10115", "Berlin", "BE", "DE");
    }

    static OrderLine anyOrderLine(int lineNumber) {
        return new OrderLine(lineNumber, "SKU-" + lineNumber, 2, Money.of("19.99", "EUR"));
    }

    static PlaceOrderOnHold anyPlaceOrderOnHold() {
        return new PlaceOrderOnHold(ORDER_ID, TENANT, "payment check", LATER);
    }

    static ReleaseOrderHold anyReleaseOrderHold() {
        return new ReleaseOrderHold(ORDER_ID, TENANT, "payment cleared", LATER);
    }

    static CancelOrder anyCancelOrder() {
        return new CancelOrder(ORDER_ID, TENANT, "customer withdrew", LATER);
    }

    static RecordCarrierHandover anyRecordCarrierHandover(String shipmentId) {
        return new RecordCarrierHandover(ORDER_ID, TENANT, shipmentId, LATER);
    }

    /** Builds a {@link ReleaseOrder}. Unless set, the order id is derived from the tenant and ERP order number. */
    static final class ReleaseOrderBuilder {

        private OrderId orderId;
        private String erpOrderNumber = ERP_ORDER_NUMBER;
        private String customerReference = "CUST-42";
        private Address shipTo = anyAddress();
        private List<OrderLine> lines = List.of(anyOrderLine(1), anyOrderLine(2));
        private Currency currency = EUR;
        private PromisedDelivery promisedDelivery = new PromisedDelivery(LocalDate.parse("2026-03-05"),
                Instant.parse("2026-03-05T08:00:00Z"), Instant.parse("2026-03-05T12:00:00Z"));
        private ServiceLevel serviceLevel = ServiceLevel.STANDARD;
        private BigDecimal parcelWeightKg = new BigDecimal("2.5");
        private Instant releasedAt = RELEASED_AT;

        ReleaseOrderBuilder orderId(OrderId value) {
            orderId = value;
            return this;
        }

        ReleaseOrderBuilder erpOrderNumber(String value) {
            erpOrderNumber = value;
            return this;
        }

        ReleaseOrderBuilder customerReference(String value) {
            customerReference = value;
            return this;
        }

        ReleaseOrderBuilder shipTo(Address value) {
            shipTo = value;
            return this;
        }

        ReleaseOrderBuilder lines(List<OrderLine> value) {
            lines = value;
            return this;
        }

        ReleaseOrderBuilder currency(Currency value) {
            currency = value;
            return this;
        }

        ReleaseOrderBuilder promisedDelivery(PromisedDelivery value) {
            promisedDelivery = value;
            return this;
        }

        ReleaseOrderBuilder serviceLevel(ServiceLevel value) {
            serviceLevel = value;
            return this;
        }

        ReleaseOrderBuilder parcelWeightKg(BigDecimal value) {
            parcelWeightKg = value;
            return this;
        }

        ReleaseOrderBuilder releasedAt(Instant value) {
            releasedAt = value;
            return this;
        }

        ReleaseOrder build() {
            OrderId id = orderId != null ? orderId : OrderId.forErpOrder(TENANT, String.valueOf(erpOrderNumber));
            return new ReleaseOrder(id, TENANT, erpOrderNumber, customerReference, shipTo, lines, currency,
                    promisedDelivery, serviceLevel, parcelWeightKg, releasedAt);
        }
    }
}
