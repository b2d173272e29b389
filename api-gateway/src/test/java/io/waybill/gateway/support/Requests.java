package io.waybill.gateway.support;

/** JSON bodies used by several integration tests. */
public final class Requests {

    private Requests() {
    }

    /** Returns a valid release of one order with two lines in BRL, promised for 2026-12-10. */
    public static String release(String erpOrderNumber) {
        return """
                {"erpOrderNumber":"%s","customerReference":"CUST-77",
                 "shipTo":{"name":"Ana Souza","line1":"Rua Augusta 100","postalCode":"01304-000",
                           "city":"Sao Paulo","region":"SP","countryCode":"BR"},
                 "currency":"BRL",
                 "lines":[{"sku":"SKU-1","quantity":2,"unitPrice":49.90},
                          {"sku":"SKU-2","quantity":1,"unitPrice":120.00}],
                 "promisedDelivery":{"latestDate":"2026-12-10"},
                 "serviceLevel":"STANDARD","parcelWeightKg":1.5,
                 "releasedAt":"2026-12-01T09:00:00Z"}""".formatted(erpOrderNumber);
    }

    public static String tender(String trackingNumber) {
        return """
                {"providerId":"sandbox","providerShipmentId":"SBX-%1$s","trackingNumber":"%1$s","carrier":"UPS",
                 "occurredAt":"2026-12-01T10:00:00Z"}""".formatted(trackingNumber);
    }

    public static String milestone(String code, String occurredAt, String sourceEventId) {
        return """
                {"code":"%s","occurredAt":"%s","sourceEventId":"%s","rawCode":"%s"}"""
                .formatted(code, occurredAt, sourceEventId, code);
    }
}
