package io.waybill.settlement.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Carrier charges of the shipments one carrier got on one calendar day (the day the shipment was
 * created, in the tenant's time zone). {@code difference} is invoiced minus expected over the
 * invoiced shipments; {@code overchargeAmount} adds up only the shipments billed above expectation.
 */
public record CarrierDaySummary(String carrier, LocalDate day, String currency, int shipments,
                                int invoicedShipments, BigDecimal expectedFreight, BigDecimal invoiced,
                                BigDecimal difference, int overchargedShipments, BigDecimal overchargeAmount,
                                int missingInvoices) {
}
