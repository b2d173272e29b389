package io.waybill.settlement.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Delivery KPIs of the shipments one carrier took for one region on one day: the day the shipment
 * was created, in the tenant's time zone. Rates are fractions from 0 to 1 with four decimals, null
 * without a denominator. {@code onTimeRate} is deliveries on or before the promised day (the delivery
 * instant read as a calendar day in the tenant's time zone) over deliveries. The failed-attempt and
 * exception rates count shipments with at least one such milestone over all shipments. Cycle times
 * run from order release to delivery, in hours with two decimals, as continuous percentiles.
 */
public record KpiRow(String carrier, String region, LocalDate day, int shipments, int delivered, int onTime,
                     BigDecimal onTimeRate, int withFailedAttempt, BigDecimal failedAttemptRate, int withException,
                     BigDecimal exceptionRate, BigDecimal cycleTimeP50Hours, BigDecimal cycleTimeP90Hours) {
}
