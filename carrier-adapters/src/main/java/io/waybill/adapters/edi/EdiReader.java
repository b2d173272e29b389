package io.waybill.adapters.edi;

import io.waybill.adapters.MalformedPayloadException;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an X12 or EDIFACT interchange into a flat list of segments with StAEDI. It accepts what
 * real partner files contain: a byte order mark, any segment terminator the envelope declares
 * (including a newline or U+2026), blank lines and indentation between segments, and segments
 * hard-wrapped across lines. Envelope validation errors (wrong control counts, unknown codes in
 * ISA/GS) become warnings, because carriers send such files in production; a file the tokenizer
 * cannot read raises {@link MalformedPayloadException} with the line and column in the text as
 * received and the segment number.
 */
public final class EdiReader {

    /** Standard of the interchange. */
    public enum Standard { X12, EDIFACT }

    /**
     * One segment: its 1-based number in the interchange, the line where it starts in the text as
     * received, its tag, and its elements as lists of components.
     */
    public record Segment(int number, int line, String tag, List<List<String>> elements) {

        /** Returns the first component of the 1-based element, trimmed; {@code null} when absent or empty. */
        public String element(int position) {
            return component(position, 1);
        }

        /** Returns the 1-based component of the 1-based element, trimmed; {@code null} when absent or empty. */
        public String component(int position, int component) {
            if (position < 1 || position > elements.size()) {
                return null;
            }
            List<String> components = elements.get(position - 1);
            if (component < 1 || component > components.size()) {
                return null;
            }
            String value = components.get(component - 1).trim();
            return value.isEmpty() ? null : value;
        }

        @Override
        public String toString() {
            return "segment " + number + " (" + tag + ", line " + line + ")";
        }
    }

    public record Interchange(Standard standard, List<Segment> segments, List<String> warnings) {
    }

    /** Length of the fixed-width X12 ISA segment up to and including its component separator. */
    private static final int ISA_LENGTH = 105;
    /** Widths of ISA01 to ISA16. */
    private static final int[] ISA_WIDTHS = {2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1};

    private EdiReader() {
    }

    public static Interchange read(String format, String text) {
        Normalised input = Normalised.of(format, text);
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        List<Segment> segments = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        byte[] bytes = input.text().getBytes(StandardCharsets.UTF_8);
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(bytes), "UTF-8")) {
            collect(reader, input, segments, warnings);
        } catch (EDIStreamException e) {
            throw malformed(format, input, e.getLocation(), e.getMessage(), segments.size() + 1);
        } catch (IOException e) {
            throw new MalformedPayloadException(format, "the interchange could not be read: " + e.getMessage(), 0, 0, 0,
                    "send the file again");
        }
        if (segments.isEmpty()) {
            throw new MalformedPayloadException(format, "the interchange contains no segments", 1, 1, 0,
                    "send a complete interchange starting with ISA or UNB");
        }
        return new Interchange(input.standard(), segments, warnings);
    }

    private static void collect(EDIStreamReader reader, Normalised input, List<Segment> segments,
                                List<String> warnings) throws EDIStreamException {
        String tag = null;
        int line = 0;
        List<List<String>> elements = new ArrayList<>();
        List<String> composite = null;
        while (reader.hasNext()) {
            EDIStreamEvent event = reader.next();
            switch (event) {
                case START_SEGMENT -> {
                    tag = reader.getText();
                    line = input.lineOf(reader.getLocation().getCharacterOffset() - tag.length());
                    elements = new ArrayList<>();
                }
                case START_COMPOSITE -> {
                    composite = new ArrayList<>();
                    padTo(elements, reader.getLocation().getElementPosition() - 1);
                    elements.add(composite);
                }
                case END_COMPOSITE -> composite = null;
                case ELEMENT_DATA -> {
                    if (composite != null) {
                        composite.add(reader.getText());
                    } else {
                        padTo(elements, reader.getLocation().getElementPosition() - 1);
                        elements.add(new ArrayList<>(List.of(reader.getText())));
                    }
                }
                case END_SEGMENT -> segments.add(new Segment(segments.size() + 1, line, tag, elements));
                case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> {
                    Location where = reader.getLocation();
                    warnings.add(reader.getErrorType() + " in " + where.getSegmentTag() + " (segment "
                            + where.getSegmentPosition() + (where.getElementPosition() > 0
                            ? ", element " + where.getElementPosition() : "") + ")");
                }
                default -> {
                    // Envelope start and end events carry nothing the mappers need.
                }
            }
        }
    }

    private static void padTo(List<List<String>> elements, int size) {
        while (elements.size() < size) {
            elements.add(new ArrayList<>(List.of("")));
        }
    }

    private static MalformedPayloadException malformed(String format, Normalised input, Location location,
                                                       String message, int segmentNumber) {
        int offset = location == null ? -1 : location.getCharacterOffset();
        int line = offset < 0 ? 0 : input.lineOf(offset);
        int column = offset < 0 ? 0 : input.columnOf(offset);
        int segment = location != null && location.getSegmentPosition() > 0 ? location.getSegmentPosition() : segmentNumber;
        String reason = message == null ? "unreadable EDI" : message.replaceAll("\\s+", " ");
        return new MalformedPayloadException(format, "malformed EDI: " + reason, line, column, segment,
                "send the interchange as the partner produced it, starting with a complete ISA or UNB segment");
    }

    /**
     * The interchange text with a byte order mark and leading white space removed and, when the
     * segment terminator is not a line break, with every line break removed, so that wrapped
     * segments join again. It remembers where each character came from, so errors can name the
     * original line and column.
     */
    private record Normalised(Standard standard, String text, int[] origin, String original) {

        static Normalised of(String format, String raw) {
            if (raw == null || raw.isBlank()) {
                throw new MalformedPayloadException(format, "the body is empty", 1, 1, 0,
                        "send an X12 or EDIFACT interchange");
            }
            int start = 0;
            while (start < raw.length() && (raw.charAt(start) == '\uFEFF' || Character.isWhitespace(raw.charAt(start)))) {
                start++;
            }
            Standard standard = raw.startsWith("ISA", start) ? Standard.X12
                    : raw.startsWith("UNA", start) || raw.startsWith("UNB", start) ? Standard.EDIFACT : null;
            if (standard == null) {
                int[] where = lineAndColumn(raw, start);
                throw new MalformedPayloadException(format, "the interchange does not start with ISA, UNA or UNB",
                        where[0], where[1], 1, "send the whole interchange, starting with its envelope segment");
            }
            boolean joinLines = !lineBreakTerminated(standard, raw, start);
            StringBuilder text = new StringBuilder(raw.length() - start);
            int[] origin = new int[raw.length() - start + 1];
            for (int i = start; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (joinLines && (c == '\n' || c == '\r')) {
                    continue;
                }
                origin[text.length()] = i;
                text.append(c);
            }
            origin[text.length()] = raw.length();
            Normalised normalised = new Normalised(standard, text.toString(), origin, raw);
            if (standard == Standard.X12) {
                normalised.checkIsaWidths(format);
            }
            return normalised;
        }

        /**
         * Returns true when segments end with a line break. For X12 that is the character after the
         * fixed-width ISA, unless the ISA itself is wrapped; for EDIFACT it is the UNA terminator.
         */
        private static boolean lineBreakTerminated(Standard standard, String raw, int start) {
            char terminator;
            if (standard == Standard.X12) {
                if (raw.length() <= start + ISA_LENGTH) {
                    return false;
                }
                String isa = raw.substring(start, start + ISA_LENGTH);
                if (isa.indexOf('\n') >= 0 || isa.indexOf('\r') >= 0) {
                    return false;
                }
                terminator = raw.charAt(start + ISA_LENGTH);
            } else if (raw.startsWith("UNA", start) && raw.length() > start + 8) {
                terminator = raw.charAt(start + 8);
            } else {
                terminator = '\'';
            }
            return terminator == '\n' || terminator == '\r';
        }

        /**
         * Checks that the 16 ISA elements have their fixed widths. The delimiters are read from
         * fixed positions, so a wrong width would otherwise surface as an error further on.
         */
        private void checkIsaWidths(String format) {
            char separator = text.length() > 3 ? text.charAt(3) : '*';
            int position = 4;
            for (int element = 1; element <= ISA_WIDTHS.length; element++) {
                int end = element == ISA_WIDTHS.length ? position + 1 : text.indexOf(String.valueOf(separator), position);
                int width = end < 0 || end > text.length() ? text.length() - position : end - position;
                if (end < 0 || end > text.length() || width != ISA_WIDTHS[element - 1]) {
                    throw new MalformedPayloadException(format, "ISA" + String.format("%02d", element) + " is "
                            + Math.max(width, 0) + " characters long but must be " + ISA_WIDTHS[element - 1]
                            + ", because the ISA segment has fixed-width elements", lineOf(position),
                            columnOf(position), 1, "pad each ISA element to its fixed width with spaces");
                }
                position = end + 1;
            }
        }

        int lineOf(int offset) {
            return lineAndColumn(original, originalIndex(offset))[0];
        }

        int columnOf(int offset) {
            return lineAndColumn(original, originalIndex(offset))[1];
        }

        private int originalIndex(int offset) {
            int bounded = Math.max(0, Math.min(offset, text.length()));
            return origin[bounded];
        }

        private static int[] lineAndColumn(String text, int index) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < index && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new int[] {line, column};
        }
    }
}
