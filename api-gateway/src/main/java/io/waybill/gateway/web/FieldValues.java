package io.waybill.gateway.web;

import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.PartnerId;

/** Parses typed ids from request fields, so a rejection names the request's field, not the type's. */
final class FieldValues {

    private FieldValues() {
    }

    static PartnerId partnerId(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, value, "give " + field + ", for example ups or sandbox");
        }
        try {
            return PartnerId.of(value);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, value, e.fix());
        }
    }
}
