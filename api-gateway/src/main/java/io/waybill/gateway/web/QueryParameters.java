package io.waybill.gateway.web;

import io.waybill.kernel.InvalidValueException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Parses query-string parameters, rejecting a bad value with the parameter's name and the fix. */
final class QueryParameters {

    private QueryParameters() {
    }

    static Integer integer(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidValueException(name, value, "give " + name + " as a whole number");
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(name, value, "give " + name + " as a UTC instant such as 2026-03-01T10:15:00Z");
        }
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(name, value, "give " + name + " as a date such as 2026-03-01");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(name, value, "give " + name + " as a date such as 2026-03-01");
        }
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            String accepted = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw new InvalidValueException(name, value, "give one of " + accepted);
        }
    }

    static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException(name, value, "give " + name + " as a UUID");
        }
    }

    static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new InvalidValueException(name, value.substring(0, 40) + "…",
                    "shorten " + name + " to at most " + maxLength + " characters");
        }
        return value.trim();
    }

    /** Checks a from/to day range: from not after to, and at most {@code maxDays} days long. */
    static void dayRange(LocalDate from, LocalDate to, int maxDays) {
        if (from.isAfter(to)) {
            throw new InvalidValueException("to", to.toString(), "give a to date on or after from " + from);
        }
        if (from.plusDays(maxDays - 1L).isBefore(to)) {
            throw new InvalidValueException("to", to.toString(), "ask for at most " + maxDays + " days at once");
        }
    }
}
