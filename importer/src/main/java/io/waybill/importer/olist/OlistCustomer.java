package io.waybill.importer.olist;

/** One row of the customers file; {@code zipCodePrefix} is padded back to its five digits. */
public record OlistCustomer(SourceLine source, String customerId, String customerUniqueId, String zipCodePrefix,
                            String city, String state) {
}
