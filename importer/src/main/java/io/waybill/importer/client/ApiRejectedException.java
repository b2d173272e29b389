package io.waybill.importer.client;

/**
 * An error status returned by the service for a request, with the parts of its
 * {@code application/problem+json} body that tell a user what to change.
 */
public class ApiRejectedException extends Exception {

    private final int status;
    private final String type;
    private final String field;
    private final String value;
    private final String detail;
    private final String fix;

    public ApiRejectedException(int status, String type, String field, String value, String detail, String fix) {
        super(describe(status, type, field, value, detail, fix));
        this.status = status;
        this.type = type;
        this.field = field;
        this.value = value;
        this.detail = detail;
        this.fix = fix;
    }

    private static String describe(int status, String type, String field, String value, String detail, String fix) {
        StringBuilder text = new StringBuilder().append(status);
        if (type != null) {
            text.append(' ').append(type.replace("urn:waybill:problem:", ""));
        }
        if (field != null) {
            text.append(", field ").append(field).append(" = '").append(value).append('\'');
        }
        if (detail != null) {
            text.append(": ").append(detail);
        }
        if (fix != null && (detail == null || !detail.contains(fix))) {
            text.append(" (fix: ").append(fix).append(')');
        }
        return text.toString();
    }

    public int status() {
        return status;
    }

    /** Returns the problem type, for example {@code urn:waybill:problem:conflict}, or {@code null} when the body had none. */
    public String type() {
        return type;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    public String detail() {
        return detail;
    }

    public String fix() {
        return fix;
    }
}
