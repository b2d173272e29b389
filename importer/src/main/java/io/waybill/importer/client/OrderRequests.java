package io.waybill.importer.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Bodies of the order process API, field for field as the service expects them. */
public final class OrderRequests {

    private OrderRequests() {
    }

    public record Address(String name, String line1, String line2, String postalCode, String city, String region,
                          String countryCode) {
    }

    public record Line(Integer lineNumber, String sku, int quantity, BigDecimal unitPrice) {
    }

    public record PromisedDelivery(LocalDate latestDate) {
    }

    public record ReleaseOrder(String erpOrderNumber, String customerReference, Address shipTo, String currency,
                               List<Line> lines, PromisedDelivery promisedDelivery, String serviceLevel,
                               Instant releasedAt) {
    }

    /** Body of a hold, hold release or cancel; without {@code occurredAt} the service takes its own clock. */
    public record Reason(String reason, Instant occurredAt) {
    }

    public record CreateShipment(String shipmentNumber, Instant occurredAt) {
    }
}
