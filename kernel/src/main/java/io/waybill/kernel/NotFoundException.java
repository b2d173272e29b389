package io.waybill.kernel;

/**
 * The command targets an order or shipment that does not exist for the caller's tenant; answered
 * as 404. Another tenant's aggregate is reported the same way so that ids cannot be probed.
 */
public final class NotFoundException extends RejectedCommandException {

    public NotFoundException(String field, String value) {
        super(field + " " + value + " was not found", field, value,
                "check the id; ids are only visible to the tenant that created them");
    }
}
