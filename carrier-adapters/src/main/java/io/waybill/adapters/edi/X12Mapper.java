package io.waybill.adapters.edi;

import io.waybill.adapters.Carriers;
import io.waybill.adapters.EntryProblem;
import io.waybill.adapters.MappedDocument;
import io.waybill.adapters.edi.EdiReader.Interchange;
import io.waybill.adapters.edi.EdiReader.Segment;
import io.waybill.adapters.edi.EdiReader.Standard;
import io.waybill.adapters.MalformedPayloadException;
import java.util.ArrayList;
import java.util.List;

/**
 * ANSI X12 interchanges with 214 (shipment status) and 210 (freight invoice) transaction sets.
 * Each transaction set is mapped on its own: a bad one is reported with its segment number while
 * the others are recorded. Other transaction sets are reported as unsupported.
 */
public final class X12Mapper {

    public static final String PARTNER = "x12";
    static final String FORMAT = "x12";

    private X12Mapper() {
    }

    public static MappedDocument map(String body) {
        Interchange interchange = EdiReader.read(FORMAT, body);
        if (interchange.standard() != Standard.X12) {
            Segment first = interchange.segments().get(0);
            throw new MalformedPayloadException(FORMAT, "the interchange is EDIFACT, not X12", first.line(), 1, 1,
                    "send EDIFACT interchanges to /api/v1/partners/edi/edifact");
        }
        MappedDocument.Builder document = new MappedDocument.Builder(FORMAT);
        interchange.warnings().forEach(warning -> document.warning("envelope: " + warning));
        Segment group = null;
        List<Segment> transaction = null;
        for (Segment segment : interchange.segments()) {
            switch (segment.tag()) {
                case "GS" -> group = segment;
                case "ST" -> transaction = new ArrayList<>(List.of(segment));
                case "SE" -> {
                    if (transaction != null) {
                        transaction.add(segment);
                        mapTransaction(transaction, group, document);
                    }
                    transaction = null;
                }
                default -> {
                    if (transaction != null) {
                        transaction.add(segment);
                    }
                }
            }
        }
        if (transaction != null) {
            document.problem(EntryProblem.invalid(transaction.get(0).toString(), null,
                    "transaction set " + transaction.get(0).element(2) + " has no SE trailer",
                    "send the complete transaction set"));
        }
        return document.build();
    }

    private static void mapTransaction(List<Segment> segments, Segment group, MappedDocument.Builder document) {
        Segment header = segments.get(0);
        String type = header.element(1);
        try {
            if ("214".equals(type)) {
                X12StatusMapper.map(segments, group, document);
            } else if ("210".equals(type)) {
                X12InvoiceMapper.map(segments, document);
            } else {
                document.problem(new EntryProblem(header.toString(), null, "unsupported-transaction-set",
                        "transaction set " + type + " (control number " + header.element(2) + ") is not a 214 or 210",
                        "send shipment status (214) or freight invoice (210) transaction sets here"));
            }
        } catch (EntryException e) {
            document.problem(EntryProblem.invalid(e.segment().toString(), e.trackingNumber(), e.getMessage(), e.fix()));
        }
    }

    /** Normalised carrier key of a SCAC code. */
    static String carrier(String scac) {
        return Carriers.normalise(scac);
    }

    /** A transaction set or status entry that cannot be mapped; the rest of the interchange goes on. */
    static final class EntryException extends RuntimeException {

        private final transient Segment segment;
        private final String trackingNumber;
        private final String fix;

        EntryException(Segment segment, String trackingNumber, String message, String fix) {
            super(message, null, false, false);
            this.segment = segment;
            this.trackingNumber = trackingNumber;
            this.fix = fix;
        }

        Segment segment() {
            return segment;
        }

        String trackingNumber() {
            return trackingNumber;
        }

        String fix() {
            return fix;
        }
    }
}
