package io.waybill.adapters.aggregator;

import static io.waybill.adapters.Payloads.array;
import static io.waybill.adapters.Payloads.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.waybill.adapters.Carriers;
import io.waybill.adapters.EntryProblem;
import io.waybill.adapters.MalformedPayloadException;
import io.waybill.adapters.MappedDocument;
import io.waybill.adapters.PartnerQuote;
import io.waybill.adapters.Payloads;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.Money;
import io.waybill.shipment.api.ChargeLine;
import io.waybill.shipment.api.ChargeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * EasyPost {@code Shipment} objects after a label purchase. Their charged {@code fees} become the
 * shipment's expected charges, under the id of the selected rate; refunded fees are left out.
 */
public final class EasyPostShipmentMapper {

    static final String FORMAT = "easypost-shipment";

    /** Fee {@code type}s. */
    static final Map<String, ChargeType> FEES = Map.of(
            "PostageFee", ChargeType.BASE_FREIGHT,
            "LabelFee", ChargeType.ACCESSORIAL_SURCHARGE,
            "InsuranceFee", ChargeType.ACCESSORIAL_SURCHARGE,
            "CarbonOffsetFee", ChargeType.ACCESSORIAL_SURCHARGE);

    private EasyPostShipmentMapper() {
    }

    public static MappedDocument map(String body) {
        JsonNode shipment = Payloads.json(FORMAT, body);
        if (!"Shipment".equals(text(shipment, "object"))) {
            throw new MalformedPayloadException(FORMAT, "the body is not an EasyPost Shipment object", 1, 1, 0,
                    "send the Shipment as EasyPost returned it after buying the label");
        }
        MappedDocument.Builder document = new MappedDocument.Builder(FORMAT);
        JsonNode rate = shipment.get("selected_rate");
        String tracking = text(shipment, "tracking_code");
        if (rate == null || rate.isNull() || tracking == null) {
            return document.problem(EntryProblem.invalid("selected_rate", tracking, "the shipment has no bought label "
                    + "(selected_rate and tracking_code)", "send the shipment after buying its label")).build();
        }
        String currency = text(rate, "currency") == null ? "USD" : text(rate, "currency");
        List<ChargeLine> lines = new ArrayList<>();
        List<JsonNode> fees = array(shipment, "fees");
        for (int f = 0; f < fees.size(); f++) {
            JsonNode fee = fees.get(f);
            if (!fee.path("charged").asBoolean(true) || fee.path("refunded").asBoolean(false)) {
                continue;
            }
            String type = text(fee, "type");
            try {
                lines.add(new ChargeLine(FEES.getOrDefault(type, ChargeType.ACCESSORIAL_SURCHARGE), type, null,
                        new Money(new BigDecimal(text(fee, "amount")).stripTrailingZeros(), Money.currency(currency))));
            } catch (NumberFormatException | NullPointerException | InvalidValueException e) {
                return document.problem(EntryProblem.invalid("fees[" + f + "].amount", tracking, "fee amount "
                        + text(fee, "amount") + " is not a decimal in " + currency, "send the fee as EasyPost does"))
                        .build();
            }
        }
        if (lines.isEmpty()) {
            return document.warning("the shipment has no charged fees; nothing to record").build();
        }
        return document.quote(new PartnerQuote(EasyPostMapper.PARTNER, Carriers.normalise(text(rate, "carrier")),
                Carriers.normaliseTrackingNumber(tracking), List.of(text(shipment, "id")), text(rate, "id"),
                instant(text(rate, "created_at")), lines, "fees")).build();
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
