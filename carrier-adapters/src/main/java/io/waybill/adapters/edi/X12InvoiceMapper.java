package io.waybill.adapters.edi;

import io.waybill.adapters.Carriers;
import io.waybill.adapters.EntryProblem;
import io.waybill.adapters.MappedDocument;
import io.waybill.adapters.PartnerInvoice;
import io.waybill.adapters.edi.EdiReader.Segment;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.Money;
import io.waybill.shipment.api.ChargeLine;
import io.waybill.shipment.api.ChargeType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * X12 210 transaction sets. B3 gives the invoice (02 invoice number, 03 shipment id, 06 billing
 * date, 07 net amount in cents, 11 SCAC); C3 the currency; each LX loop holds L1 charge lines
 * (04 amount in cents, 08 special charge code) and, on parcel invoices, an N9*CN package tracking
 * number. Lines are grouped per tracking number, falling back to the B3 shipment id; the L3 total
 * must equal the sum of the lines.
 */
final class X12InvoiceMapper {

    /**
     * L1-08 special charge codes. A line without a code is base freight; a negative amount is a
     * credit and always a {@link ChargeType#DISCOUNT}; other codes default to an accessorial and
     * are reported as unknown.
     */
    static final Map<String, ChargeType> CHARGE_CODES = Map.ofEntries(
            Map.entry("400", ChargeType.BASE_FREIGHT),
            Map.entry("405", ChargeType.BASE_FREIGHT),
            Map.entry("FUE", ChargeType.FUEL_SURCHARGE),
            Map.entry("FSC", ChargeType.FUEL_SURCHARGE),
            Map.entry("DSC", ChargeType.DISCOUNT),
            Map.entry("CUS", ChargeType.ACCESSORIAL_SURCHARGE),
            Map.entry("RES", ChargeType.ACCESSORIAL_SURCHARGE),
            Map.entry("TAX", ChargeType.DUTIES_AND_TAXES),
            Map.entry("DTY", ChargeType.DUTIES_AND_TAXES),
            Map.entry("GST", ChargeType.DUTIES_AND_TAXES),
            Map.entry("HST", ChargeType.DUTIES_AND_TAXES),
            Map.entry("RTS", ChargeType.RETURN_FEE));

    /** When C3 is absent the invoice is taken to be in US dollars, the currency of the US carriers that omit it. */
    private static final String DEFAULT_CURRENCY = "USD";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private X12InvoiceMapper() {
    }

    private record Group(String trackingNumber, Segment firstSegment, List<ChargeLine> lines,
                         List<String> unknownCodes) {
    }

    static void map(List<Segment> segments, MappedDocument.Builder document) {
        Segment header = segments.get(0);
        Segment b3 = segments.stream().filter(segment -> "B3".equals(segment.tag())).findFirst()
                .orElseThrow(() -> new X12Mapper.EntryException(header, null, "transaction set " + header.element(2)
                        + " has no B3 segment", "send B3 with the invoice number, date and SCAC"));
        String invoice = b3.element(2);
        String carrier = Carriers.normalise(b3.element(11));
        if (invoice == null || carrier == null) {
            throw new X12Mapper.EntryException(b3, b3.element(3), "B3 lacks the invoice number (B3-02) or SCAC (B3-11)",
                    "send B3 with the invoice number and SCAC");
        }
        LocalDate billed = billingDate(b3);
        Currency currency = currency(segments);
        Map<String, Group> groups = new LinkedHashMap<>();
        List<Group> unallocated = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        Group current = null;
        String loopTracking = null;
        for (Segment segment : segments) {
            switch (segment.tag()) {
                case "LX" -> {
                    current = null;
                    loopTracking = trackingIn(segments, segment);
                }
                case "L1" -> {
                    ChargeLine line = line(segment, currency);
                    sum = sum.add(line.amount().amount());
                    if (current == null) {
                        String key = loopTracking != null ? loopTracking : b3.element(3);
                        current = key == null ? null : groups.computeIfAbsent(key,
                                number -> new Group(number, segment, new ArrayList<>(), new ArrayList<>()));
                        if (current == null) {
                            current = new Group(null, segment, new ArrayList<>(), new ArrayList<>());
                            unallocated.add(current);
                        }
                    }
                    current.lines().add(line);
                    String code = segment.element(8);
                    if (code != null && !CHARGE_CODES.containsKey(code.toUpperCase(Locale.ROOT))) {
                        current.unknownCodes().add(code);
                    }
                }
                default -> {
                    // N1, N3, N4, L0, L5, L7 and CD3 describe the goods and parties; the ledger keeps charges only.
                }
            }
        }
        checkTotal(segments, b3, sum, currency);
        for (Group group : groups.values()) {
            document.invoice(new PartnerInvoice(X12Mapper.PARTNER, carrier, Carriers.normaliseTrackingNumber(
                    group.trackingNumber()), references(b3), invoice, billed.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    group.lines(), group.firstSegment().toString(), group.unknownCodes()));
        }
        for (Group group : unallocated) {
            BigDecimal amount = group.lines().stream().map(line -> line.amount().amount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            document.problem(new EntryProblem(group.firstSegment().toString(), null, "unallocated-charges",
                    "invoice " + invoice + " has " + group.lines().size() + " charge line(s) totalling "
                            + amount.toPlainString() + " " + currency.getCurrencyCode()
                            + " without a package tracking number (N9*CN) or shipment id (B3-03)",
                    "these account-level charges belong to no shipment; reconcile them on the carrier account"));
        }
    }

    private static ChargeLine line(Segment l1, Currency currency) {
        String cents = l1.element(4);
        if (cents == null || !cents.matches("-?\\d+")) {
            throw new X12Mapper.EntryException(l1, null, "L1-04 charge " + cents + " is not a whole number of cents",
                    "send the charge in L1-04 as cents, for example 363604 for 3636.04");
        }
        BigDecimal amount = new BigDecimal(cents).movePointLeft(2);
        String code = l1.element(8);
        ChargeType type;
        if (amount.signum() < 0) {
            type = ChargeType.DISCOUNT;
        } else if (code == null) {
            type = ChargeType.BASE_FREIGHT;
        } else {
            ChargeType mapped = CHARGE_CODES.getOrDefault(code.toUpperCase(Locale.ROOT), ChargeType.ACCESSORIAL_SURCHARGE);
            type = mapped == ChargeType.DISCOUNT ? ChargeType.ACCESSORIAL_SURCHARGE : mapped;
        }
        String description = l1.element(12) != null ? l1.element(12)
                : l1.element(2) == null ? null : "rate " + l1.element(2) + (l1.element(3) == null ? "" : " " + l1.element(3));
        return new ChargeLine(type, code, description, new Money(amount, currency));
    }

    private static void checkTotal(List<Segment> segments, Segment b3, BigDecimal sum, Currency currency) {
        Segment l3 = segments.stream().filter(segment -> "L3".equals(segment.tag())).findFirst().orElse(null);
        String total = l3 != null && l3.element(5) != null ? l3.element(5) : b3.element(7);
        if (total == null || !total.matches("-?\\d+")) {
            return;
        }
        BigDecimal expected = new BigDecimal(total).movePointLeft(2);
        if (expected.compareTo(sum) != 0) {
            Segment where = l3 != null ? l3 : b3;
            throw new X12Mapper.EntryException(where, b3.element(3), "the charge lines of invoice " + b3.element(2)
                    + " add up to " + sum.toPlainString() + " " + currency.getCurrencyCode() + " but the total is "
                    + expected.toPlainString(), "send an invoice whose L1 lines add up to its L3 total");
        }
    }

    private static String trackingIn(List<Segment> segments, Segment lx) {
        int start = segments.indexOf(lx);
        for (int i = start + 1; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if ("LX".equals(segment.tag()) || "L3".equals(segment.tag()) || "SE".equals(segment.tag())) {
                return null;
            }
            if ("N9".equals(segment.tag()) && "CN".equals(segment.element(1))) {
                return segment.element(2);
            }
        }
        return null;
    }

    private static LocalDate billingDate(Segment b3) {
        try {
            return LocalDate.parse(b3.element(6), DATE);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new X12Mapper.EntryException(b3, b3.element(3), "B3-06 billing date " + b3.element(6)
                    + " is not CCYYMMDD", "send the billing date in B3-06");
        }
    }

    private static Currency currency(List<Segment> segments) {
        String code = segments.stream().filter(segment -> "C3".equals(segment.tag())).map(segment -> segment.element(1))
                .findFirst().orElse(DEFAULT_CURRENCY);
        try {
            return Money.currency(code);
        } catch (InvalidValueException e) {
            Segment c3 = segments.stream().filter(segment -> "C3".equals(segment.tag())).findFirst().orElseThrow();
            throw new X12Mapper.EntryException(c3, null, "C3-01 currency " + code + " is not an ISO 4217 code",
                    "send the invoice currency as an ISO 4217 code such as USD");
        }
    }

    private static List<String> references(Segment b3) {
        List<String> references = new ArrayList<>();
        if (b3.element(3) != null) {
            references.add(b3.element(3));
        }
        return references;
    }
}
