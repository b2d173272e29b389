package io.waybill.importer.support;

import io.waybill.importer.olist.OlistDataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Copies the first orders of an Olist folder, with their items, customers and payments, into a temporary folder. */
public final class OlistSubset {

    private OlistSubset() {
    }

    public static Path firstOrders(Path olist, int count) throws IOException {
        Path target = Files.createTempDirectory("olist-subset-");
        List<String> orders = Files.readAllLines(olist.resolve(OlistDataset.ORDERS_FILE), StandardCharsets.UTF_8);
        List<String> kept = orders.subList(0, Math.min(count + 1, orders.size()));
        Set<String> orderIds = new HashSet<>();
        Set<String> customerIds = new HashSet<>();
        for (String line : kept.subList(1, kept.size())) {
            String[] cells = line.split(",", -1);
            orderIds.add(unquote(cells[0]));
            customerIds.add(unquote(cells[1]));
        }
        Files.write(target.resolve(OlistDataset.ORDERS_FILE), kept, StandardCharsets.UTF_8);
        copyMatching(olist, target, OlistDataset.ITEMS_FILE, orderIds);
        copyMatching(olist, target, OlistDataset.CUSTOMERS_FILE, customerIds);
        copyMatching(olist, target, OlistDataset.PAYMENTS_FILE, orderIds);
        return target;
    }

    /** Copies the header and the rows whose first cell is one of {@code keys}. */
    private static void copyMatching(Path source, Path target, String file, Set<String> keys) throws IOException {
        List<String> lines = Files.readAllLines(source.resolve(file), StandardCharsets.UTF_8);
        List<String> kept = new java.util.ArrayList<>();
        kept.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            if (keys.contains(unquote(line.substring(0, line.indexOf(','))))) {
                kept.add(line);
            }
        }
        Files.write(target.resolve(file), kept, StandardCharsets.UTF_8);
    }

    private static String unquote(String cell) {
        return cell.startsWith("\"") && cell.endsWith("\"") ? cell.substring(1, cell.length() - 1) : cell;
    }
}
