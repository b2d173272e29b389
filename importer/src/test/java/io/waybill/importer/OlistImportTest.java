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
                () -> assertThat(first.exitCode()).as("exit code").isEqualTo(OlistImport.EXIT_OK),
                () -> assertThat(first.stats().ordersCreated()).as("orders created").isEqualTo(expected.orders()),
                () -> assertThat(eventsAfterFirst - eventsBefore).as("events stored by the first run")
                        .isEqualTo(expectedEvents(expected)));
        assertReport(expected, report);

        assertAll("second run",
                () -> assertThat(eventsAfterSecond).as("event count after the second run").isEqualTo(eventsAfterFirst),
                () -> assertThat(second.stats().changes()).as("requests that stored something").isZero(),
                () -> assertThat(second.stats().ordersRepeated()).as("orders already stored")
                        .isEqualTo(expected.orders()),
                () -> assertThat(second.stats().milestones("DUPLICATE")).as("duplicate milestones")
                        .isEqualTo(expected.milestones()),
                () -> assertThat(second.rejections()).as("rejected records").isEmpty(),
                () -> assertThat(second.exitCode()).as("exit code").isEqualTo(OlistImport.EXIT_OK),
                () -> assertThat(second.report()).as("report").isEqualTo(report));
    }

    /** Compares every figure of the report with the one worked out from the CSV files. */
    static void assertReport(OlistExpectations expected, LedgerReport report) {
        assertAll("report",
                () -> assertThat(report.ordersByStatus()).as("orders by status")
                        .isEqualTo(expected.ordersByStatus()),
                () -> assertThat(report.orders()).as("orders").isEqualTo(expected.orders()),
                () -> assertThat(report.deliveredOrders()).as("delivered orders")
                        .isEqualTo(expected.deliveredOrders()),
                () -> assertThat(report.onTimeDeliveries()).as("on-time deliveries")
                        .isEqualTo(expected.onTimeDeliveries()),
                () -> assertThat(report.milestonesRecorded()).as("milestones recorded")
                        .isEqualTo(expected.milestones()),
                () -> assertThat(report.conflictingShipments()).as("shipments with a conflicting milestone")
                        .isEqualTo(expected.conflictingMilestones()),
                () -> assertThat(report.failedDeliveryAttempts()).as("failed delivery attempts").isZero(),
                () -> assertThat(report.itemsTotal()).as("items total").isEqualByComparingTo(expected.itemsTotal()),
                () -> assertThat(report.freightTotal()).as("freight total")
                        .isEqualByComparingTo(expected.freightTotal()),
                () -> assertThat(report.paymentsTotal()).as("payments total")
                        .isEqualByComparingTo(expected.paymentsTotal()),
                () -> assertThat(report.underpaidOrders()).as("underpaid orders").isEqualTo(expected.underpaidOrders()),
                () -> assertThat(report.overpaidOrders()).as("overpaid orders").isEqualTo(expected.overpaidOrders()));
    }

    /**
     * Counts the events a first import stores: one release per order, a cancel or hold for the orders
     * whose Olist status requires one, per shipment its creation, tender, milestones, expected charges
     * when it has items, and the order's note that a carrier took it, and one event per payment above
     * zero.
     */
    static long expectedEvents(OlistExpectations expected) {
        return expected.orders() + expected.cancels() + expected.holds() + expected.shipments() * 3
                + expected.milestones() + expected.chargedShipments() + expected.positivePayments();
    }

    private Result runImport(Path olist) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        OlistImport.Options options = new OlistImport.Options(olist, FULL_IMPORT_TENANT, 16, Duration.ofSeconds(30),
                Duration.ofMinutes(10));
        Result result = new OlistImport(options, out, out, false).run(url(), apiKey(FULL_IMPORT_TENANT));
        System.out.println(output.toString(StandardCharsets.UTF_8));
        return result;
    }
}
