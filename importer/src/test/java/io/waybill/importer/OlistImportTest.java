package io.waybill.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import io.waybill.importer.OlistImport.Result;
import io.waybill.importer.report.LedgerReport;
import io.waybill.importer.support.ImporterIntegrationTest;
import io.waybill.importer.support.OlistExpectations;
import io.waybill.importer.support.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Imports the real Olist data through HTTP twice and compares the report with figures the test
 * works out from the CSV files on its own. Needs the shared data folder; skipped without it.
 */
class OlistImportTest extends ImporterIntegrationTest {

    @Test
    void importMatchesCsvAndRerunAddsNothing() throws Exception {
        Path olist = SharedData.olistFolderOrSkip();
        OlistExpectations expected = OlistExpectations.compute(olist);

        long eventsBefore = eventCount();
        Result first = runImport(olist);
        long eventsAfterFirst = eventCount();
        Result second = runImport(olist);
        long eventsAfterSecond = eventCount();

        LedgerReport report = first.report();
        assertThat(report).as("report of the first run; failure: %s", first.failure()).isNotNull();
        assertAll("first run",
                () -> assertThat(first.rejections()).as("rejected records").isEmpty(),
                () -> assertThat(first.stats().ordersCreated()).as("orders created").isEqualTo(expected.orders()),
                () -> assertThat(report.ordersByStatus()).as("orders by status")
                        .isEqualTo(expected.ordersByStatus()),
                () -> assertThat(report.orders()).as("orders").isEqualTo(expected.orders()),
                () -> assertThat(report.deliveredOrders()).as("delivered orders")
                        .isEqualTo(expected.deliveredOrders()),
                () -> assertThat(report.onTimeDeliveries()).as("on-time deliveries")
                        .isEqualTo(expected.onTimeDeliveries()),
                () -> assertThat(report.milestonesRecorded()).as("milestones recorded")
                        .isEqualTo(expected.milestones()),
                () -> assertThat(report.conflictingMilestones()).as("conflicting milestones")
                        .isEqualTo(expected.conflictingMilestones()),
                // Each shipment's milestones are sent in time order, so none arrives after a later one.
                () -> assertThat(report.lateMilestones()).as("late milestones").isZero(),
                () -> assertThat(report.failedDeliveryAttempts()).as("failed delivery attempts").isZero(),
                () -> assertThat(report.itemsTotal()).as("items total")
                        .isEqualByComparingTo(expected.itemsTotal()),
                () -> assertThat(eventsAfterFirst - eventsBefore).as("events stored by the first run")
                        .isEqualTo(expectedEvents(expected, first)));
        assertMoneyFigures(expected, first);

        assertAll("second run",
                () -> assertThat(eventsAfterSecond).as("event count after the second run").isEqualTo(eventsAfterFirst),
                () -> assertThat(second.stats().changes()).as("requests that stored something").isZero(),
                () -> assertThat(second.stats().ordersRepeated()).as("orders already stored")
                        .isEqualTo(expected.orders()),
                () -> assertThat(second.stats().milestones("DUPLICATE")).as("duplicate milestones")
                        .isEqualTo(expected.milestones()),
                () -> assertThat(second.rejections()).as("rejected records").isEmpty(),
                () -> assertThat(second.report()).as("report").isEqualTo(report));
    }

    /**
     * Checks freight, payments and the payment mismatches. A service without the payment or expected
     * charge API gets none of them: the importer must then count every such record as not sent, report
     * the figure as not available and exit with the status for incomplete imports.
     */
    static void assertMoneyFigures(OlistExpectations expected, Result result) {
        LedgerReport report = result.report();
        boolean chargesSent = result.stats().chargesSkipped() == 0;
        boolean paymentsSent = result.stats().paymentsSkipped() == 0;
        assertAll("freight and payments",
                () -> assertThat(result.stats().chargesSkipped()).as("freight charges not sent")
                        .isIn(0L, expected.chargedShipments()),
                () -> assertThat(result.stats().paymentsSkipped()).as("payments not sent")
                        .isIn(0L, expected.paymentRows()),
                () -> assertThat(result.exitCode()).as("exit code")
                        .isEqualTo(chargesSent && paymentsSent ? OlistImport.EXIT_OK : OlistImport.EXIT_RECORDS_FAILED),
                () -> {
                    if (chargesSent) {
                        assertThat(report.freightTotal()).as("freight total").isEqualByComparingTo(expected.freightTotal());
                    } else {
                        assertThat(report.freightTotal()).as("freight total without a charge API").isNull();
                    }
                },
                () -> {
                    if (paymentsSent) {
                        assertThat(report.paymentsTotal()).as("payments total")
                                .isEqualByComparingTo(expected.paymentsTotal());
                        assertThat(report.paymentMismatches()).as("orders whose payments differ from items and freight")
                                .isEqualTo(expected.paymentMismatches());
                    } else {
                        assertThat(report.paymentsTotal()).as("payments total without a payment API").isNull();
                        assertThat(report.paymentMismatches()).as("payment mismatches without a payment API").isNull();
                    }
                });
    }

    /**
     * Counts the events a first import stores: one release per order, a cancel or hold for the orders
     * whose Olist status requires one, and per shipment its creation, tender, milestones and the
     * order's note that a carrier took it. Expected charges add one event per charged shipment and
     * payments one per payment row, when the service offers those APIs.
     */
    static long expectedEvents(OlistExpectations expected, Result result) {
        long charges = result.stats().chargesSkipped() == 0 ? expected.chargedShipments() : 0;
        long payments = result.stats().paymentsSkipped() == 0 ? expected.paymentRows() : 0;
        return expected.orders() + expected.cancels() + expected.holds()
                + expected.shipments() * 3 + expected.milestones() + charges + payments;
    }

    private Result runImport(Path olist) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        OlistImport.Options options = new OlistImport.Options(olist, FULL_IMPORT_TENANT, 16, Duration.ofSeconds(30));
        Result result = new OlistImport(options, out, out, false).run(url());
        System.out.println(output.toString(StandardCharsets.UTF_8));
        return result;
    }
}
