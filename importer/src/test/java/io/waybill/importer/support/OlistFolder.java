package io.waybill.importer.support;

import io.waybill.importer.olist.OlistDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a small made-up Olist folder for tests, in the formats of the real files. */
public final class OlistFolder {

    private final List<String> orders = new ArrayList<>(List.of("order_id,customer_id,order_status,"
            + "order_purchase_timestamp,order_approved_at,order_delivered_carrier_date,"
            + "order_delivered_customer_date,order_estimated_delivery_date"));
    private final List<String> items = new ArrayList<>(List.of(
            "order_id,order_item_id,product_id,seller_id,shipping_limit_date,price,freight_value"));
    private final List<String> customers = new ArrayList<>(List.of(
            "customer_id,customer_unique_id,customer_zip_code_prefix,customer_city,customer_state"));
    private final List<String> payments = new ArrayList<>(List.of(
            "\"order_id\",\"payment_sequential\",\"payment_type\",\"payment_installments\",\"payment_value\""));

    /** Adds an order row; empty strings stand for empty cells. */
    public OlistFolder order(String orderId, String customerId, String status, String purchased, String approved,
                             String handedToCarrier, String delivered, String estimated) {
        orders.add(String.join(",", orderId, customerId, status, purchased, approved, handedToCarrier, delivered,
                estimated));
        return this;
    }

    public OlistFolder item(String orderId, int itemNumber, String price, String freight) {
        items.add(String.join(",", orderId, String.valueOf(itemNumber), "product-" + itemNumber, "seller-1",
                "2017-10-06 11:07:15", price, freight));
        return this;
    }

    public OlistFolder customer(String customerId, String zipPrefix, String city, String state) {
        customers.add(String.join(",", customerId, "unique-" + customerId, zipPrefix, city, state));
        return this;
    }

    /** Adds a payment row, quoting the values that start with a digit as the original file does. */
    public OlistFolder payment(String orderId, int sequential, String type, int installments, String value) {
        payments.add(String.join(",", orderId, "\"" + sequential + "\"", type, "\"" + installments + "\"",
                "\"" + value + "\""));
        return this;
    }

    public Path write() throws IOException {
        Path folder = Files.createTempDirectory("olist-");
        Files.write(folder.resolve(OlistDataset.ORDERS_FILE), orders);
        Files.write(folder.resolve(OlistDataset.ITEMS_FILE), items);
        Files.write(folder.resolve(OlistDataset.CUSTOMERS_FILE), customers);
        Files.write(folder.resolve(OlistDataset.PAYMENTS_FILE), payments);
        return folder;
    }
}
