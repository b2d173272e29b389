package io.waybill.importer.olist;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The Olist files of one folder, parsed. A row that cannot be parsed becomes a {@link RejectedRecord}
 * and is left out; an order whose own row, customer or item rows were rejected is left out too, with
 * a rejection of its own, so that no order is released with half its lines.
 */
public final class OlistDataset {

    public static final String ORDERS_FILE = "olist_orders_2017_10k.csv";
    public static final String ITEMS_FILE = "olist_order_items_2017_10k.csv";
    public static final String CUSTOMERS_FILE = "olist_customers_2017_10k.csv";
    /** The full payments table of Olist; only the rows of orders in {@link #ORDERS_FILE} are used. */
    public static final String PAYMENTS_FILE = "olist_order_payments_dataset.csv";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private final List<OlistOrder> orders;
    private final Map<String, List<OlistItem>> itemsByOrder;
    private final Map<String, OlistCustomer> customers;
    private final Map<String, List<OlistPayment>> paymentsByOrder;
    private final List<RejectedRecord> rejections;
    private final long paymentRowsRead;

    private OlistDataset(List<OlistOrder> orders, Map<String, List<OlistItem>> itemsByOrder,
                         Map<String, OlistCustomer> customers, Map<String, List<OlistPayment>> paymentsByOrder,
                         List<RejectedRecord> rejections, long paymentRowsRead) {
        this.orders = orders;
        this.itemsByOrder = itemsByOrder;
        this.customers = customers;
        this.paymentsByOrder = paymentsByOrder;
        this.rejections = rejections;
        this.paymentRowsRead = paymentRowsRead;
    }

    /**
     * Reads the four files from {@code folder}. Bad rows become rejections; the method throws only when a
     * file or a required column is missing or a file cannot be read.
     */
    public static OlistDataset load(Path folder) throws InvalidDatasetException {
        List<RejectedRecord> rejections = new ArrayList<>();

        List<OlistOrder> orderRows = new ArrayList<>();
        read(folder, ORDERS_FILE, "order", List.of("order_id", "customer_id", "order_status", "order_purchase_timestamp",
                        "order_approved_at", "order_delivered_carrier_date", "order_delivered_customer_date",
                        "order_estimated_delivery_date"),
                (record, source) -> orderRows.add(new OlistOrder(source,
                        OlistValues.required("order_id", record.get("order_id")),
                        OlistValues.required("customer_id", record.get("customer_id")),
                        OlistValues.required("order_status", record.get("order_status")),
                        OlistValues.instant("order_purchase_timestamp", record.get("order_purchase_timestamp")),
                        OlistValues.instant("order_approved_at", record.get("order_approved_at")),
                        OlistValues.instant("order_delivered_carrier_date", record.get("order_delivered_carrier_date")),
                        OlistValues.instant("order_delivered_customer_date",
                                record.get("order_delivered_customer_date")),
                        OlistValues.date("order_estimated_delivery_date",
                                record.get("order_estimated_delivery_date")))),
                rejections);

        Map<String, List<OlistItem>> items = new HashMap<>();
        Set<String> ordersWithRejectedItems = new HashSet<>();
        read(folder, ITEMS_FILE, "item of order", List.of("order_id", "order_item_id", "product_id", "seller_id", "price",
                        "freight_value"),
                (record, source) -> {
                    String orderId = record.get("order_id");
                    try {
                        OlistItem item = new OlistItem(source, OlistValues.required("order_id", orderId),
                                OlistValues.wholeNumber("order_item_id", record.get("order_item_id")),
                                OlistValues.required("product_id", record.get("product_id")),
                                OlistValues.required("seller_id", record.get("seller_id")),
                                OlistValues.amount("price", record.get("price")),
                                OlistValues.amount("freight_value", record.get("freight_value")));
                        items.computeIfAbsent(item.orderId(), id -> new ArrayList<>()).add(item);
                    } catch (IllegalArgumentException e) {
                        ordersWithRejectedItems.add(orderId);
                        throw e;
                    }
                },
                rejections);
        items.values().forEach(lines -> lines.sort(Comparator.comparingInt(OlistItem::itemNumber)));

        Map<String, OlistCustomer> customers = new HashMap<>();
        read(folder, CUSTOMERS_FILE, "customer", List.of("customer_id", "customer_unique_id", "customer_zip_code_prefix",
                        "customer_city", "customer_state"),
                (record, source) -> {
                    OlistCustomer customer = new OlistCustomer(source,
                            OlistValues.required("customer_id", record.get("customer_id")),
                            OlistValues.required("customer_unique_id", record.get("customer_unique_id")),
                            OlistValues.zipCodePrefix("customer_zip_code_prefix",
                                    record.get("customer_zip_code_prefix")),
                            OlistValues.required("customer_city", record.get("customer_city")),
                            OlistValues.required("customer_state", record.get("customer_state")));
                    customers.put(customer.customerId(), customer);
                },
                rejections);

        Set<String> orderIds = new HashSet<>();
        orderRows.forEach(order -> orderIds.add(order.orderId()));
        Map<String, List<OlistPayment>> payments = new HashMap<>();
        long[] paymentRows = {0};
        read(folder, PAYMENTS_FILE, "payment of order", List.of("order_id", "payment_sequential", "payment_type",
                        "payment_installments", "payment_value"),
                (record, source) -> {
                    paymentRows[0]++;
                    if (!orderIds.contains(record.get("order_id"))) {
                        return;
                    }
                    OlistPayment payment = new OlistPayment(source, record.get("order_id"),
                            OlistValues.wholeNumber("payment_sequential", record.get("payment_sequential")),
                            OlistValues.required("payment_type", record.get("payment_type")),
                            OlistValues.wholeNumber("payment_installments", record.get("payment_installments")),
                            OlistValues.amount("payment_value", record.get("payment_value")));
                    payments.computeIfAbsent(payment.orderId(), id -> new ArrayList<>()).add(payment);
                },
                rejections);
        payments.values().forEach(rows -> rows.sort(Comparator.comparingInt(OlistPayment::sequential)));

        List<OlistOrder> orders = completeOrders(orderRows, customers, ordersWithRejectedItems, rejections);
        return new OlistDataset(List.copyOf(orders), Collections.unmodifiableMap(items),
                Collections.unmodifiableMap(customers), Collections.unmodifiableMap(payments),
                List.copyOf(rejections), paymentRows[0]);
    }

    /** Orders whose customer and every item row could be read; the others are rejected. */
    private static List<OlistOrder> completeOrders(List<OlistOrder> rows, Map<String, OlistCustomer> customers,
                                                   Set<String> ordersWithRejectedItems,
                                                   List<RejectedRecord> rejections) {
        Map<String, OlistOrder> byId = new LinkedHashMap<>();
        for (OlistOrder order : rows) {
            String subject = "order " + order.orderId();
            if (byId.containsKey(order.orderId())) {
                rejections.add(new RejectedRecord(order.source(), subject, "order_id repeats "
                        + byId.get(order.orderId()).source() + "; the first row is imported"));
            } else if (!customers.containsKey(order.customerId())) {
                rejections.add(new RejectedRecord(order.source(), subject, "customer_id " + order.customerId()
                        + " is not in " + CUSTOMERS_FILE + " (or its row was rejected), so there is no ship-to address"));
            } else if (ordersWithRejectedItems.contains(order.orderId())) {
                rejections.add(new RejectedRecord(order.source(), subject,
                        "not imported because one of its rows in " + ITEMS_FILE + " was rejected"));
            } else {
                byId.put(order.orderId(), order);
            }
        }
        return new ArrayList<>(byId.values());
    }

    private interface RowReader {
        void read(CSVRecord record, SourceLine source);
    }

    /** @param subject what a row describes, named in rejections together with the row's first cell */
    private static void read(Path folder, String fileName, String subject, List<String> columns,
                             RowReader rowReader, List<RejectedRecord> rejections) throws InvalidDatasetException {
        Path file = folder.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new InvalidDatasetException("missing file " + file + "; give the folder that holds the Olist files "
                    + String.join(", ", ORDERS_FILE, ITEMS_FILE, CUSTOMERS_FILE, PAYMENTS_FILE));
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(reader)) {
            List<String> missing = columns.stream().filter(column -> !parser.getHeaderNames().contains(column))
                    .toList();
            if (!missing.isEmpty()) {
                throw new InvalidDatasetException(file + " has no column " + String.join(", ", missing)
                        + "; its header is " + parser.getHeaderNames());
            }
            long lineBefore = parser.getCurrentLineNumber();
            for (CSVRecord record : parser) {
                SourceLine source = new SourceLine(fileName, lineBefore + 1);
                lineBefore = parser.getCurrentLineNumber();
                if (!record.isConsistent()) {
                    rejections.add(new RejectedRecord(source, subject + " " + record.get(0), "has " + record.size()
                            + " cells, the header has " + parser.getHeaderNames().size()));
                    continue;
                }
                readRow(rowReader, record, source, subject, rejections::add);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InvalidDatasetException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void readRow(RowReader rowReader, CSVRecord record, SourceLine source, String subject,
                                Consumer<RejectedRecord> rejections) {
        try {
            rowReader.read(record, source);
        } catch (IllegalArgumentException e) {
            rejections.accept(new RejectedRecord(source, subject + " " + record.get(0), e.getMessage()));
        }
    }

    /** Orders in file order, each with a customer and readable item rows. */
    public List<OlistOrder> orders() {
        return orders;
    }

    /** Item rows of an order in {@code order_item_id} order; empty when the order has none. */
    public List<OlistItem> items(String orderId) {
        return itemsByOrder.getOrDefault(orderId, List.of());
    }

    public OlistCustomer customer(String customerId) {
        return customers.get(customerId);
    }

    /** Payment rows of an order in {@code payment_sequential} order; empty when it has none. */
    public List<OlistPayment> payments(String orderId) {
        return paymentsByOrder.getOrDefault(orderId, List.of());
    }

    /** Rows that could not be parsed, and orders left out because of them. */
    public List<RejectedRecord> rejections() {
        return rejections;
    }

    public long itemCount() {
        return itemsByOrder.values().stream().mapToLong(List::size).sum();
    }

    public long customerCount() {
        return customers.size();
    }

    public long paymentCount() {
        return paymentsByOrder.values().stream().mapToLong(List::size).sum();
    }

    /** Rows in the payments file, including those of orders outside the orders file. */
    public long paymentRowsRead() {
        return paymentRowsRead;
    }
}
