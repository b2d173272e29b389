package io.waybill.adapters;

/**
 * The payload cannot be read as its format at all; nothing of it may be recorded. The position
 * fields say where the reader stopped: line and column are 1-based in the text as received, and
 * {@code segment} is the 1-based segment number for EDI (0 when not applicable).
 */
public final class MalformedPayloadException extends RuntimeException {

    private final String format;
    private final int line;
    private final int column;
    private final int segment;
    private final String fix;

    public MalformedPayloadException(String format, String detail, int line, int column, int segment, String fix) {
        super(detail, null, false, false);
        this.format = format;
        this.line = line;
        this.column = column;
        this.segment = segment;
        this.fix = fix;
    }

    public String format() {
        return format;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public int segment() {
        return segment;
    }

    public String fix() {
        return fix;
    }

    /** Returns a short description of the fault's position, for example "line 3, column 7, segment 12". */
    public String position() {
        StringBuilder text = new StringBuilder();
        if (line > 0) {
            text.append("line ").append(line);
            if (column > 0) {
                text.append(", column ").append(column);
            }
        }
        if (segment > 0) {
            text.append(text.isEmpty() ? "" : ", ").append("segment ").append(segment);
        }
        return text.toString();
    }
}
