package io.waybill.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.waybill.importer.OlistImport.Result;
import io.waybill.importer.olist.OlistDataset;
import io.waybill.importer.olist.RejectedRecord;
import io.waybill.importer.olist.SourceLine;
import io.waybill.importer.support.ImporterIntegrationTest;
import io.waybill.importer.support.OlistFolder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Runs the importer on a small made-up folder with broken rows and checks how it reports them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RejectedRecordsTest extends ImporterIntegrationTest {

    private Result result;
    private String errors;

    @BeforeAll
    void importBrokenFolder() throws Exception {
        Path folder = new OlistFolder()
                .order("good", "c1", "delivered", "2017-10-02 10:56:33", "2017-10-02 11:07:15",
                        "2017-10-04 19:55:00", "2017-10-10 21:25:13", "2017-10-18 00:00:00")
                .order("bad-time", "c1", "processing", "2017-10-02 10:56:33", "2017-13-40 00:00:00", "", "",
                        "2017-10-18 00:00:00")
                .order("bad-price", "c1", "processing", "2017-10-02 10:56:33", "2017-10-02 11:07:15", "", "",
                        "2017-10-18 00:00:00")
                .order("bad-zip", "c2", "processing", "2017-10-02 10:56:33", "2017-10-02 11:07:15", "", "",
                        "2017-10-18 00:00:00")
                .item("good", 1, "29.9", "8.72")
                .item("bad-price", 1, "10", "1")
                .item("bad-price", 2, "10.123", "1")
                .customer("c1", "4571", "sao paulo", "SP")
                .customer("c2", "123456", "sao paulo", "SP")
                .write();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OlistImport.Options options = new OlistImport.Options(folder, REJECTIONS_TENANT, 4, Duration.ofSeconds(5),
                Duration.ofMinutes(5));
        result = new OlistImport(options, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).run(url(), apiKey(REJECTIONS_TENANT));
        errors = err.toString(StandardCharsets.UTF_8);
        System.out.println(out.toString(StandardCharsets.UTF_8));
        System.out.println(errors);
    }

    @Test
    void exitCodeSaysRecordsFailed() {
        assertThat(result.exitCode()).isEqualTo(OlistImport.EXIT_RECORDS_FAILED);
    }

    @Test
    void unreadableTimestampNamesOrdersLine() {
        assertThat(result.rejections()).anySatisfy(rejection -> {
            assertThat(rejection.source()).isEqualTo(new SourceLine(OlistDataset.ORDERS_FILE, 3));
            assertThat(rejection.reason()).contains("order_approved_at '2017-13-40 00:00:00'");
        });
        assertThat(errors).contains("rejected: " + OlistDataset.ORDERS_FILE + " line 3");
    }

    @Test
    void priceTheServiceRejectsNamesItemLine() {
        assertThat(result.rejections()).anySatisfy(rejection -> {
            assertThat(rejection.source()).isEqualTo(new SourceLine(OlistDataset.ITEMS_FILE, 4));
            assertThat(rejection.subject()).isEqualTo("order bad-price, release");
            assertThat(rejection.reason()).contains("400").contains("lines[1].unitPrice").contains("10.123");
        });
    }

    @Test
    void invalidZipPrefixRejectsCustomerAndItsOrder() {
        assertThat(result.rejections()).extracting(RejectedRecord::source)
                .contains(new SourceLine(OlistDataset.CUSTOMERS_FILE, 3), new SourceLine(OlistDataset.ORDERS_FILE, 5));
    }

    @Test
    void rejectionsAreOneLineEach() {
        assertThat(result.rejections()).hasSize(4);
        assertThat(errors.lines().filter(line -> line.startsWith("rejected: "))).hasSize(4);
    }

    @Test
    void goodOrderIsImportedBesideBrokenOnes() {
        assertThat(result.stats().ordersCreated()).isEqualTo(1);
        assertThat(result.report().ordersByStatus()).containsEntry("DELIVERED", 1L);
    }
}
