package io.waybill.shipment;

import io.waybill.kernel.Money;
import io.waybill.kernel.PartnerId;
import io.waybill.kernel.TenantId;
import io.waybill.order.api.Address;
import io.waybill.order.api.OrderId;
import io.waybill.order.api.OrderLine;
import io.waybill.order.api.OrderReleased;
import io.waybill.order.api.PromisedDelivery;
import io.waybill.order.api.ServiceLevel;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.MilestoneRecorded;
import io.waybill.shipment.api.PlatformRequestAccepted;
import io.waybill.shipment.api.PlatformRequestRejected;
import io.waybill.shipment.api.ShipmentId;
import io.waybill.shipment.api.ShipmentStatus;
import io.waybill.shipment.api.ShipmentTendered;
import io.waybill.shipment.api.platform.PlatformFailure;
import io.waybill.shipment.api.platform.PlatformOperation;
import io.waybill.shipment.api.policy.FailedDeliveryPolicy;
import io.waybill.shipment.api.policy.ProcessPolicies;
import io.waybill.shipment.api.policy.RoutingPolicy;
import io.waybill.shipment.api.policy.RoutingRule;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** Events and policies shared by the saga fixture tests: one tenant, one order, its first shipment. */
final class SagaTestData {

    static final TenantId TENANT = TenantId.of("acme");
    static final OrderId ORDER_ID = OrderId.forErpOrder(TENANT, "ERP-2001");
    static final ShipmentId SHIPMENT_ID = ShipmentId.forOrder(ORDER_ID, "1");
    static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    static final PartnerId COURIER = PartnerId.of("courier-sp");
    static final PartnerId PARCEL = PartnerId.of("parcel-net");
    static final PartnerId SANDBOX = PartnerId.of("sandbox");

    /** Urban same-day goes to the courier, everything heavier than 30 kg to parcel-net, the sandbox last. */
    static final RoutingPolicy ROUTING = new RoutingPolicy(true, List.of(
            new RoutingRule("urban-same-day", Set.of(ServiceLevel.SAME_DAY), Set.of("BR"), List.of("01", "02"),
                    null, new BigDecimal("20"), List.of(COURIER)),
            new RoutingRule("heavy-parcel", Set.of(), Set.of(), List.of(), new BigDecimal("30"), null,
                    List.of(PARCEL))),
            List.of(SANDBOX));

    static final FailedDeliveryPolicy FAILED_DELIVERY = new FailedDeliveryPolicy(true, 3, Duration.ofHours(48),
            Duration.ofDays(30));

    private SagaTestData() {
    }

    static ProcessPolicies policies(RoutingPolicy routing, FailedDeliveryPolicy failedDelivery) {
        return new ProcessPolicies() {
            @Override
            public RoutingPolicy routing(TenantId tenantId) {
                return routing;
            }

            @Override
            public FailedDeliveryPolicy failedDelivery(TenantId tenantId) {
                return failedDelivery;
            }
        };
    }

    static OrderReleased orderReleased(ServiceLevel serviceLevel, String postalCode, String weightKg) {
        Address shipTo = new Address("Ana Souza", "Rua Augusta 100", null, postalCode, "Sao Paulo", "SP", "BR");
        List<OrderLine> lines = List.of(new OrderLine(1, "SKU-1", 1, Money.of("49.90", "BRL")));
        return new OrderReleased(ORDER_ID, TENANT, "ERP-2001", "CUST-1", shipTo, lines, Money.currency("BRL"),
                new PromisedDelivery(LocalDate.parse("2026-03-03"), null, null), serviceLevel,
                weightKg == null ? null : new BigDecimal(weightKg), "hash", NOW);
    }

    static String createRequestId(int position, PartnerId platform) {
        return "create:" + SHIPMENT_ID + ":" + position + ":" + platform;
    }

    static PlatformRequestAccepted accepted(String requestId, PartnerId platform) {
        return new PlatformRequestAccepted(SHIPMENT_ID, TENANT, ORDER_ID, requestId, platform,
                PlatformOperation.CREATE_SHIPMENT, "PS-1", "TRK-1", "loggi", NOW);
    }

    static PlatformRequestRejected rejected(String requestId, PartnerId platform, PlatformOperation operation,
                                            PlatformFailure failure, String code) {
        return new PlatformRequestRejected(SHIPMENT_ID, TENANT, ORDER_ID, requestId, platform, operation, failure,
                code, "declined by test", NOW);
    }

    static ShipmentTendered tendered() {
        return new ShipmentTendered(SHIPMENT_ID, TENANT, ORDER_ID, SANDBOX, "SBX-1", "TRK-1", "sandbox-express", NOW);
    }

    /** A milestone as the aggregate records it, with the failed-attempt count after it. */
    static MilestoneRecorded milestone(MilestoneCode code, String sourceEventId, int failedAttempts,
                                       ShipmentStatus before, ShipmentStatus after) {
        return new MilestoneRecorded(SHIPMENT_ID, TENANT, ORDER_ID, code, NOW, sourceEventId, "test", code.name(),
                null, null, null, null, null, null, null, false, before.isTerminal(), null, before, after,
                failedAttempts);
    }

    static MilestoneRecorded failedAttempt(int failedAttempts) {
        return milestone(MilestoneCode.DELIVERY_ATTEMPT_FAILED, "attempt-" + failedAttempts, failedAttempts,
                ShipmentStatus.OUT_FOR_DELIVERY, ShipmentStatus.DELIVERY_ATTEMPT_FAILED);
    }
}
