package io.waybill.adapters.carrier;

import static io.waybill.adapters.Payloads.child;
import static io.waybill.adapters.Payloads.text;

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
import java.util.List;
import org.w3c.dom.Element;

/**
 * UPS {@code ShipmentAcceptResponse} XML: the charges UPS quoted when the label was accepted.
 * Transportation charges are base freight and service options an accessorial; the two must add up
 * to the total charges. The response carries no time, so the gateway records it at arrival.
 */
public final class UpsShipmentMapper {

    static final String FORMAT = "ups-shipment-accept";

    private UpsShipmentMapper() {
    }

    public static MappedDocument map(String body) {
        Element root = Payloads.xml(FORMAT, body).getDocumentElement();
        if (!"ShipmentAcceptResponse".equals(root.getLocalName())) {
            throw new MalformedPayloadException(FORMAT, "the root element is " + root.getLocalName()
                    + ", not ShipmentAcceptResponse", 1, 1, 0, "send the UPS ShipAccept response unchanged");
        }
        MappedDocument.Builder document = new MappedDocument.Builder(FORMAT);
        Element results = child(root, "ShipmentResults");
        String identification = text(results, "ShipmentIdentificationNumber");
        String tracking = text(results, "PackageResults", "TrackingNumber");
        Element charges = child(results, "ShipmentCharges");
        try {
            Money transport = money(child(charges, "TransportationCharges"));
            Money options = money(child(charges, "ServiceOptionsCharges"));
            Money total = money(child(charges, "TotalCharges"));
            if (total.amount().compareTo(transport.plus(options).amount()) != 0) {
                return document.problem(EntryProblem.invalid("ShipmentResults.ShipmentCharges", tracking,
                        "transportation " + transport + " and service options " + options + " do not add up to "
                                + total, "send the response UPS returned")).build();
            }
            List<ChargeLine> lines = List.of(
                    new ChargeLine(ChargeType.BASE_FREIGHT, "TransportationCharges", null, transport),
                    new ChargeLine(ChargeType.ACCESSORIAL_SURCHARGE, "ServiceOptionsCharges", null, options));
            return document.quote(new PartnerQuote(UpsMapper.PARTNER, UpsMapper.PARTNER, tracking,
                    List.of(identification), identification, null, lines, "ShipmentResults.ShipmentCharges")).build();
        } catch (NumberFormatException | NullPointerException | InvalidValueException e) {
            return document.problem(EntryProblem.invalid("ShipmentResults.ShipmentCharges", tracking,
                    "a charge lacks CurrencyCode or a decimal MonetaryValue", "send the response UPS returned"))
                    .build();
        }
    }

    private static Money money(Element charge) {
        return new Money(new BigDecimal(text(charge, "MonetaryValue")), Money.currency(text(charge, "CurrencyCode")));
    }
}
