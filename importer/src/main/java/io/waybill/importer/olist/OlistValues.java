package io.waybill.importer.olist;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parsers for the cell formats of the Olist files; each throws {@link IllegalArgumentException} naming the value. */
public final class OlistValues {

    /** Olist timestamps carry no zone; they are Brazil local time. */
    public static final ZoneId OLIST_ZONE = ZoneId.of("America/Sao_Paulo");

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final int ZIP_PREFIX_DIGITS = 5;

    private OlistValues() {
    }

    /**
     * Converts a local timestamp to UTC. A time that falls into the hour skipped when daylight saving
     * starts is moved forward by that hour, and a time in the repeated hour takes the earlier offset,
     * as {@link ZonedDateTime#ofLocal} does. Returns {@code null} for an empty cell.
     */
    public static Instant instant(String column, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text.strip(), TIMESTAMP);
            return ZonedDateTime.ofLocal(local, OLIST_ZONE, null).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a timestamp like 2017-10-02 10:56:33");
        }
    }

    /** Takes the calendar day of a timestamp cell such as {@code 2017-10-18 00:00:00}; {@code null} for an empty cell. */
    public static LocalDate date(String column, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), TIMESTAMP).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a timestamp like 2017-10-18 00:00:00");
        }
    }

    public static BigDecimal amount(String column, String text) {
        try {
            return new BigDecimal(required(column, text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a decimal number");
        }
    }

    public static int wholeNumber(String column, String text) {
        try {
            return Integer.parseInt(required(column, text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a whole number");
        }
    }

    /** Pads a zip-code prefix back to five digits; the export dropped leading zeros ({@code 4571} is {@code 04571}). */
    public static String zipCodePrefix(String column, String text) {
        String digits = required(column, text);
        if (!digits.matches("\\d{1," + ZIP_PREFIX_DIGITS + "}")) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a zip-code prefix of up to five digits");
        }
        return "0".repeat(ZIP_PREFIX_DIGITS - digits.length()) + digits;
    }

    public static String required(String column, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(column + " is empty");
        }
        return text.strip();
    }
}
