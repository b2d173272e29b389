package io.waybill.adapters;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Time zones for locations and zone codes that partners send. A region or country maps to a zone
 * only when one zone covers it, or (for the US states marked below, Canadian provinces and
 * Spain) most of it; anything else has no zone, and the caller keeps the time as local.
 */
public final class Zones {

    /**
     * US states, Canadian provinces and territories, Australian states. States split between two
     * zones (FL, IN, KS, KY, MI, ND, NE, OR, SD, TN, TX, ID) map to the zone of their larger part.
     */
    private static final Map<String, String> REGIONS = new HashMap<>();
    /** Countries with one zone, by ISO 3166 alpha-2 code; Spain maps to the mainland zone. */
    private static final Map<String, String> COUNTRIES = new HashMap<>();
    /** Zone abbreviations (Canada Post) and X12 time codes (AT7, G62), as fixed offsets or regions. */
    private static final Map<String, ZoneId> CODES = new HashMap<>();

    static {
        region("America/New_York", "US", "CT", "DE", "DC", "FL", "GA", "ME", "MD", "MA", "NH", "NJ", "NY", "NC", "OH",
                "PA", "RI", "SC", "VT", "VA", "WV", "MI");
        region("America/Indiana/Indianapolis", "US", "IN");
        region("America/Kentucky/Louisville", "US", "KY");
        region("America/Chicago", "US", "AL", "AR", "IL", "IA", "LA", "MN", "MS", "MO", "OK", "WI", "TX", "TN", "KS",
                "NE", "ND", "SD");
        region("America/Denver", "US", "CO", "MT", "NM", "UT", "WY", "ID");
        region("America/Phoenix", "US", "AZ");
        region("America/Los_Angeles", "US", "CA", "NV", "OR", "WA");
        region("America/Anchorage", "US", "AK");
        region("Pacific/Honolulu", "US", "HI");
        region("America/Puerto_Rico", "US", "PR");
        region("America/St_Johns", "CA", "NL");
        region("America/Halifax", "CA", "NS", "PE", "NB");
        region("America/Toronto", "CA", "ON", "QC");
        region("America/Winnipeg", "CA", "MB");
        region("America/Regina", "CA", "SK");
        region("America/Edmonton", "CA", "AB", "NT");
        region("America/Vancouver", "CA", "BC");
        region("America/Whitehorse", "CA", "YT");
        region("America/Iqaluit", "CA", "NU");
        region("Australia/Sydney", "AU", "NSW", "ACT");
        region("Australia/Melbourne", "AU", "VIC");
        region("Australia/Brisbane", "AU", "QLD");
        region("Australia/Adelaide", "AU", "SA");
        region("Australia/Perth", "AU", "WA");
        region("Australia/Hobart", "AU", "TAS");
        region("Australia/Darwin", "AU", "NT");

        country("Europe/Berlin", "DE");
        country("Europe/Paris", "FR");
        country("Europe/Brussels", "BE");
        country("Europe/Amsterdam", "NL");
        country("Europe/Luxembourg", "LU");
        country("Europe/Zurich", "CH");
        country("Europe/Vienna", "AT");
        country("Europe/Rome", "IT");
        country("Europe/Madrid", "ES");
        country("Europe/London", "GB");
        country("Europe/Dublin", "IE");
        country("Europe/Oslo", "NO");
        country("Europe/Stockholm", "SE");
        country("Europe/Copenhagen", "DK");
        country("Europe/Helsinki", "FI");
        country("Europe/Warsaw", "PL");
        country("Europe/Prague", "CZ");
        country("Europe/Budapest", "HU");
        country("Europe/Athens", "GR");
        country("Asia/Singapore", "SG");
        country("Asia/Hong_Kong", "HK");
        country("Asia/Tokyo", "JP");
        country("Asia/Shanghai", "CN");
        country("Asia/Seoul", "KR");
        country("Asia/Kolkata", "IN");
        country("Pacific/Auckland", "NZ");

        code("EST", "-05:00");
        code("EDT", "-04:00");
        code("CST", "-06:00");
        code("CDT", "-05:00");
        code("MST", "-07:00");
        code("MDT", "-06:00");
        code("PST", "-08:00");
        code("PDT", "-07:00");
        code("AST", "-04:00");
        code("ADT", "-03:00");
        code("NST", "-03:30");
        code("NDT", "-02:30");
        code("AKST", "-09:00");
        code("HST", "-10:00");
        code("UT", "Z");
        code("UTC", "Z");
        code("GMT", "Z");
        // X12 time codes (element 623): two letters for a zone with daylight saving applied as observed,
        // and xS/xD for standard and daylight time explicitly.
        CODES.put("ET", ZoneId.of("America/New_York"));
        CODES.put("CT", ZoneId.of("America/Chicago"));
        CODES.put("MT", ZoneId.of("America/Denver"));
        CODES.put("PT", ZoneId.of("America/Los_Angeles"));
        CODES.put("AT", ZoneId.of("America/Halifax"));
        CODES.put("NT", ZoneId.of("America/St_Johns"));
        code("ES", "-05:00");
        code("ED", "-04:00");
        code("CS", "-06:00");
        code("CD", "-05:00");
        code("MS", "-07:00");
        code("MD", "-06:00");
        code("PS", "-08:00");
        code("PD", "-07:00");
        code("AS", "-04:00");
        code("AD", "-03:00");
        code("NS", "-03:30");
        code("ND", "-02:30");
        code("GM", "Z");
    }

    private Zones() {
    }

    /**
     * Returns the zone of a location, from its region when the country has several zones, else from
     * the country; {@code null} when neither gives a single zone.
     */
    public static ZoneId forLocation(String countryCode, String region) {
        String country = normaliseCountry(countryCode);
        if (region != null && !region.isBlank()) {
            String zone = REGIONS.get((country == null ? "US" : country) + "/" + region.trim().toUpperCase(Locale.ROOT));
            if (zone != null) {
                return ZoneId.of(zone);
            }
        }
        String zone = country == null ? null : COUNTRIES.get(country);
        return zone == null ? null : ZoneId.of(zone);
    }

    /** Returns the zone for an abbreviation such as EST or an X12 time code such as PT; {@code null} when unknown or LT. */
    public static ZoneId forCode(String code) {
        return code == null ? null : CODES.get(code.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * Returns the ISO alpha-2 code for an alpha-2 code, an alpha-3 code (USA) or an English country
     * name (Spain, Hong Kong); {@code null} when it matches none.
     */
    public static String normaliseCountry(String country) {
        if (country == null || country.isBlank()) {
            return null;
        }
        String text = country.trim();
        if (text.length() == 2) {
            return text.toUpperCase(Locale.ROOT);
        }
        for (String code : Locale.getISOCountries()) {
            Locale locale = new Locale("", code);
            if (text.equalsIgnoreCase(locale.getISO3Country()) || text.equalsIgnoreCase(locale.getDisplayCountry(Locale.ENGLISH))) {
                return code;
            }
        }
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "hong kong" -> "HK";
            case "united states of america", "usa" -> "US";
            case "great britain", "united kingdom" -> "GB";
            default -> null;
        };
    }

    private static void region(String zone, String country, String... regions) {
        for (String region : regions) {
            REGIONS.put(country + "/" + region, zone);
        }
    }

    private static void country(String zone, String country) {
        COUNTRIES.put(country, zone);
    }

    private static void code(String code, String offset) {
        CODES.put(code, ZoneOffset.of(offset));
    }
}
