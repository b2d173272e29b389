package io.waybill.adapters.edi;

import io.waybill.adapters.PartnerTime;
import io.waybill.adapters.PartnerTimes;
import io.waybill.adapters.Zones;
import io.waybill.shipment.api.Location;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Date and time elements of X12 (CCYYMMDD with HHMM[SS[DD]] and a time code) and EDIFACT (DTM formats). */
final class EdiTimes {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private EdiTimes() {
    }

    /**
     * Converts an X12 date and time. The time code (element 623, such as ET, PT, CS or UT) wins; LT,
     * an unknown code or none falls back to the location's zone.
     */
    static PartnerTime x12(String date, String time, String timeCode, Location location) {
        if (date == null) {
            throw new DateTimeParseException("date missing", "", 0);
        }
        LocalDate day = LocalDate.parse(date, DATE);
        LocalTime clock = time == null ? LocalTime.MIDNIGHT : x12Time(time);
        LocalDateTime local = LocalDateTime.of(day, clock);
        String text = date + (time == null ? "" : " " + time) + (timeCode == null ? "" : " " + timeCode);
        ZoneId zone = Zones.forCode(timeCode);
        return zone != null ? PartnerTimes.inZone(local, text, zone) : PartnerTimes.local(local, text, location);
    }

    private static LocalTime x12Time(String time) {
        if (!time.matches("\\d{4}(\\d{2}(\\d{1,2})?)?")) {
            throw new DateTimeParseException("time " + time + " is not HHMM or HHMMSS", time, 0);
        }
        int hour = Integer.parseInt(time.substring(0, 2));
        int minute = Integer.parseInt(time.substring(2, 4));
        int second = time.length() >= 6 ? Integer.parseInt(time.substring(4, 6)) : 0;
        return LocalTime.of(hour, minute, second);
    }

    /**
     * Converts an EDIFACT date/time value with its format code: 102 (CCYYMMDD), 203
     * (CCYYMMDDHHMM), 204 (CCYYMMDDHHMMSS) or 303 (CCYYMMDDHHMMZZZ, the zone as a
     * signed offset in hours such as +01 or as a zone code).
     */
    static PartnerTime edifact(String value, String format, Location location) {
        if (value == null) {
            throw new DateTimeParseException("value missing", "", 0);
        }
        String code = format == null ? "203" : format;
        LocalDateTime local = switch (code) {
            case "102" -> LocalDate.parse(value, DATE).atStartOfDay();
            case "203", "303" -> LocalDateTime.parse(value.substring(0, Math.min(12, value.length())),
                    DateTimeFormatter.ofPattern("yyyyMMddHHmm"));
            case "204" -> LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
            default -> throw new DateTimeParseException("date/time format " + code + " is not supported", value, 0);
        };
        if ("303".equals(code) && value.length() > 12) {
            String zoneText = value.substring(12);
            ZoneId zone = zoneText.matches("[+-]\\d{2}") ? java.time.ZoneOffset.of(zoneText) : Zones.forCode(zoneText);
            if (zone != null) {
                return PartnerTimes.inZone(local, value, zone);
            }
        }
        return PartnerTimes.local(local, value, location);
    }
}
