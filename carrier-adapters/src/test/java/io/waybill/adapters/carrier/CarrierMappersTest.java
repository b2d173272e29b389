package io.waybill.adapters.carrier;

import static io.waybill.adapters.MappedAssertionsAccess.codes;
import static io.waybill.adapters.MappedAssertionsAccess.first;
import static io.waybill.adapters.MappedAssertionsAccess.last;
import static io.waybill.adapters.MappedAssertionsAccess.sourceEventIds;
import static io.waybill.adapters.MappedAssertionsAccess.utcTimes;
import static io.waybill.shipment.api.MilestoneCode.AVAILABLE_FOR_PICKUP;
import static io.waybill.shipment.api.MilestoneCode.DELAYED;
import static io.waybill.shipment.api.MilestoneCode.DELIVERED;
import static io.waybill.shipment.api.MilestoneCode.DELIVERY_ATTEMPT_FAILED;
import static io.waybill.shipment.api.MilestoneCode.EXCEPTION;
import static io.waybill.shipment.api.MilestoneCode.IN_TRANSIT;
import static io.waybill.shipment.api.MilestoneCode.OUT_FOR_DELIVERY;
import static io.waybill.shipment.api.MilestoneCode.PICKED_UP;
import static io.waybill.shipment.api.MilestoneCode.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.adapters.EntryProblem;
import io.waybill.adapters.MalformedPayloadException;
import io.waybill.adapters.MappedDocument;
import io.waybill.adapters.PartnerMilestone;
import io.waybill.adapters.SharedData;
import io.waybill.adapters.TimeBasis;
import io.waybill.shipment.api.DeliveryPlace;
import io.waybill.shipment.api.ReasonCode;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CarrierMappersTest {

    @Test
    void upsDeliveredWithRefund() {
        MappedDocument document = UpsMapper.mapXml(SharedData.read("active_shipping/ups/delivered_shipment_with_refund.xml"));

        assertThat(codes(document)).containsExactly(UNKNOWN, PICKED_UP, IN_TRANSIT, IN_TRANSIT, IN_TRANSIT, IN_TRANSIT,
                DELAYED, IN_TRANSIT, IN_TRANSIT, DELIVERED, UNKNOWN);
        PartnerMilestone delivered = first(document, DELIVERED);
        assertThat(delivered.occurredAt()).as("16:17 in North Carolina, EST").hasToString("2013-12-09T21:17:00Z");
        assertThat(delivered.time().basis()).isEqualTo(TimeBasis.LOCATION_ZONE);
        assertThat(delivered.proofOfDelivery().signer()).isEqualTo("OAKFIELD");
        assertThat(delivered.proofOfDelivery().place()).isEqualTo(DeliveryPlace.RECEPTION);
        assertThat(document.milestones().get(0).time().basis()).as("billing record has only country US")
                .isEqualTo(TimeBasis.LOCAL_UNRESOLVED);
        assertThat(document.milestones().get(1).occurredAt()).as("20:06 in Minnesota, CST")
                .hasToString("2013-12-04T02:06:00Z");
        assertThat(last(document).rawCode()).isEqualTo("X/DM");
        assertThat(delivered.partnerReferences()).containsExactly("RMA# 2013-265", "1500");
    }

    @Test
    void upsOutForDeliveryWithRescheduledDate() {
        MappedDocument document = UpsMapper.mapXml(SharedData.read("active_shipping/ups/out_for_delivery_shipment.xml"));

        assertThat(codes(document)).containsExactly(UNKNOWN, PICKED_UP, IN_TRANSIT, IN_TRANSIT, OUT_FOR_DELIVERY);
        PartnerMilestone latest = last(document);
        assertThat(latest.occurredAt()).hasToString("2012-05-10T09:34:00Z");
        assertThat(latest.estimatedDelivery()).as("rescheduled 2012-05-10 wins over scheduled 05-11")
                .hasToString("2012-05-10T05:00:00Z");
    }

    @Test
    void upsFromTigerDirectSignedAtReception() {
        MappedDocument document = UpsMapper.mapXml(SharedData.read("active_shipping/ups/shipment_from_tiger_direct.xml"));

        PartnerMilestone delivered = last(document);
        assertThat(delivered.code()).isEqualTo(DELIVERED);
        assertThat(delivered.proofOfDelivery().signer()).isEqualTo("BRANDT");
        assertThat(delivered.proofOfDelivery().place()).isEqualTo(DeliveryPlace.RECEPTION);
        assertThat(delivered.occurredAt()).as("Ottawa's province comes from the earlier Ottawa scans")
                .hasToString("2008-06-25T15:19:00Z");
        assertThat(first(document, OUT_FOR_DELIVERY).occurredAt()).hasToString("2008-06-25T08:12:00Z");
    }

    @Test
    void upsInTransitHasNoDelivery() {
        MappedDocument document = UpsMapper.mapXml(SharedData.read("active_shipping/ups/in_transit_shipment.xml"));

        assertThat(codes(document)).doesNotContain(DELIVERED).contains(IN_TRANSIT);
        assertThat(document.milestones().get(0).rawCode()).startsWith("M");
    }

    @Test
    void upsDeliveredWithoutHistory() {
        MappedDocument document = UpsMapper.mapXml(
                SharedData.read("active_shipping/ups/delivered_shipment_without_events_tracking_response.xml"));

        assertThat(codes(document)).containsExactly(DELIVERED);
        assertThat(last(document).occurredAt()).hasToString("2011-06-17T18:45:00Z");
    }

    @Test
    void upsTrackApiVendorSample() {
        MappedDocument document = UpsMapper.mapJson(SharedData.read("karrio/ups_track_api_v1_vendor_sample.json"));

        PartnerMilestone released = last(document);
        assertThat(released.trackingNumber()).as("placeholder package number falls back to the inquiry number")
                .isEqualTo("1Z023E2X0214323462");
        assertThat(released.code()).as("X/SR: released by customs").isEqualTo(IN_TRANSIT);
        assertThat(released.occurredAt()).hasToString("2021-02-10T12:13:56Z");
        assertThat(released.partnerReferences()).containsExactly("ShipRef123");
    }

    @Test
    void upsOutOfOrderActivitiesKeepIds() {
        String body = SharedData.read("active_shipping/ups/in_transit_shipment.xml");
        int first = body.indexOf("<Activity>");
        int second = body.indexOf("<Activity>", first + 1);
        String swapped = body.substring(0, first) + body.substring(second, body.indexOf("</Activity>", second) + 11)
                + body.substring(first, second) + body.substring(body.indexOf("</Activity>", second) + 11);

        assertThat(swapped).isNotEqualTo(body);
        assertThat(sourceEventIds(UpsMapper.mapXml(swapped)))
                .containsExactlyInAnyOrderElementsOf(sourceEventIds(UpsMapper.mapXml(body)));
    }

    @Test
    void upsMalformed() {
        String body = SharedData.read("active_shipping/ups/in_transit_shipment.xml").replace("<Date>", "<Date");

        assertThatThrownBy(() -> UpsMapper.mapXml(body)).isInstanceOfSatisfying(MalformedPayloadException.class,
                e -> assertThat(e.line()).isPositive());
    }

    @Test
    void fedexDeliveredWithSignature() {
        MappedDocument document = FedexMapper.mapXml(
                SharedData.read("active_shipping/fedex/tracking_response_delivered_with_signature.xml"));

        PartnerMilestone delivered = last(document);
        assertThat(delivered.code()).isEqualTo(DELIVERED);
        assertThat(delivered.occurredAt()).hasToString("2014-01-02T18:23:29Z");
        assertThat(delivered.proofOfDelivery().signer()).isEqualTo("MSOLANO");
        assertThat(delivered.partnerReferences()).contains("12013~449044304137821~FDEG", "115380173");
        assertThat(codes(document)).startsWith(PICKED_UP, UNKNOWN).contains(OUT_FOR_DELIVERY);
    }

    @Test
    void fedexHeldThenDeliveredAtFacility() {
        MappedDocument document = FedexMapper.mapXml(
                SharedData.read("active_shipping/fedex/tracking_response_delivered_at_facility.xml"));

        assertThat(codes(document).stream().filter(DELIVERY_ATTEMPT_FAILED::equals)).hasSize(3);
        assertThat(first(document, DELIVERY_ATTEMPT_FAILED).reason()).isEqualTo(ReasonCode.RECIPIENT_NOT_AVAILABLE);
        assertThat(first(document, AVAILABLE_FOR_PICKUP).occurredAt()).hasToString("2014-01-08T23:23:00Z");
        PartnerMilestone redirect = document.milestones().stream().filter(m -> "A13 Redirecting to FedEx Office"
                .equals(m.rawReason())).findFirst().orElseThrow();
        assertThat(redirect.code()).isEqualTo(DELAYED);
        assertThat(redirect.reason()).isEqualTo(ReasonCode.RESCHEDULED_BY_RECIPIENT);
        PartnerMilestone delivered = last(document);
        assertThat(delivered.proofOfDelivery().place()).isEqualTo(DeliveryPlace.PICKUP_POINT);
        assertThat(delivered.proofOfDelivery().signer()).isEqualTo("TBERG");
    }

    @Test
    void fedexShipmentExceptionKeepsUnknownReason() {
        MappedDocument document = FedexMapper.mapXml(
                SharedData.read("active_shipping/fedex/tracking_response_shipment_exception.xml"));

        PartnerMilestone exception = last(document);
        assertThat(exception.code()).isEqualTo(EXCEPTION);
        assertThat(exception.reason()).isEqualTo(ReasonCode.UNKNOWN);
        assertThat(exception.reasonMapped()).isFalse();
        assertThat(exception.rawReason()).isEqualTo("099 Unable to deliver");
        assertThat(exception.occurredAt()).hasToString("2014-01-28T23:43:08Z");
    }

    @Test
    void fedexDuplicateWaybillHasNoEvents() {
        MappedDocument document = FedexMapper.mapXml(
                SharedData.read("active_shipping/fedex/tracking_response_multiple_results.xml"));

        assertThat(document.milestones()).isEmpty();
        assertThat(document.warnings()).hasSize(3).anySatisfy(w -> assertThat(w).contains("2456979000~123456789012~FX"));
    }

    @Test
    void fedexNotFoundIsPartnerError() {
        MappedDocument document = FedexMapper.mapXml(
                SharedData.read("active_shipping/fedex/tracking_response_not_found.xml"));

        assertThat(document.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.type()).isEqualTo("partner-error");
            assertThat(problem.trackingNumber()).isEqualTo("123456789013");
            assertThat(problem.detail()).contains("9040");
        });
    }

    @Test
    void fedexTrackApiWeatherDelay() {
        MappedDocument document = FedexMapper.mapJson(SharedData.read("karrio/fedex_track_api_v1.json"));

        PartnerMilestone pickedUp = last(document);
        assertThat(pickedUp.code()).isEqualTo(PICKED_UP);
        assertThat(pickedUp.trackingNumber()).isEqualTo("123456789012");
        assertThat(pickedUp.occurredAt()).hasToString("2018-02-02T19:01:00Z");
        assertThat(pickedUp.reason()).isEqualTo(ReasonCode.WEATHER);
        assertThat(pickedUp.rawReason()).isEqualTo("WEATHER/SNOW");
        assertThat(document.problems()).extracting(EntryProblem::trackingNumber).containsExactly("39936862321");
    }

    @Test
    void fedexRedeliveryKeepsIds() {
        String body = SharedData.read("active_shipping/fedex/tracking_response_delivered_at_facility.xml");

        assertThat(sourceEventIds(FedexMapper.mapXml(body))).isEqualTo(sourceEventIds(FedexMapper.mapXml(body)))
                .doesNotHaveDuplicates();
    }

    @Test
    void fedexMalformedJson() {
        assertThatThrownBy(() -> FedexMapper.mapJson("{\"output\": {\"completeTrackResults\": [}}"))
                .isInstanceOfSatisfying(MalformedPayloadException.class, e -> assertThat(e.column()).isPositive());
    }

    @Test
    void uspsDeliveredToMailbox() {
        MappedDocument document = UspsMapper.mapXml(SharedData.read("active_shipping/usps/tracking_response.xml"));

        assertThat(codes(document)).containsExactly(UNKNOWN, PICKED_UP, IN_TRANSIT, IN_TRANSIT, IN_TRANSIT, IN_TRANSIT,
                IN_TRANSIT, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED);
        assertThat(utcTimes(document).get(9)).as("9:01 am CDT in Illinois").isEqualTo("2015-04-28T14:01:00Z");
        assertThat(last(document).proofOfDelivery().place()).isEqualTo(DeliveryPlace.MAILBOX);
        assertThat(last(document).time().localText()).isEqualTo("April 28, 2015 9:01 am");
    }

    @Test
    void uspsFailureIsPartnerError() {
        MappedDocument document = UspsMapper.mapXml(SharedData.read("active_shipping/usps/tracking_response_failure.xml"));

        assertThat(document.milestones()).isEmpty();
        assertThat(document.problems()).singleElement().satisfies(p -> assertThat(p.detail()).contains("-2147219302"));
    }

    @Test
    void uspsApiParcelLocker() {
        MappedDocument document = UspsMapper.mapJson(SharedData.read("karrio/usps_tracking_v3_delivered_parcel_locker.json"));

        assertThat(document.milestones()).hasSize(12);
        PartnerMilestone delivered = last(document);
        assertThat(delivered.code()).isEqualTo(DELIVERED);
        assertThat(delivered.occurredAt()).as("GMTTimestamp").hasToString("2024-11-22T18:58:40Z");
        assertThat(delivered.time().localText()).isEqualTo("2024-11-22T13:58:00");
        assertThat(delivered.proofOfDelivery().place()).isEqualTo(DeliveryPlace.LOCKER);
        assertThat(first(document, PICKED_UP).rawCode()).isEqualTo("03");
    }

    @Test
    void uspsMalformed() {
        assertThatThrownBy(() -> UspsMapper.mapXml("<TrackResponse><TrackInfo ID=\"1\"></TrackResponse>"))
                .isInstanceOfSatisfying(MalformedPayloadException.class, e -> assertThat(e.position()).startsWith("line 1"));
    }

    @Test
    void canadaPostDeliveredTwiceWithSigners() {
        MappedDocument document = CanadaPostMapper.map(
                SharedData.read("active_shipping/canadapost_pws/tracking_details_en.xml"));

        assertThat(codes(document)).containsExactly(UNKNOWN, PICKED_UP, OUT_FOR_DELIVERY, UNKNOWN, DELIVERED, DELAYED,
                IN_TRANSIT, OUT_FOR_DELIVERY, UNKNOWN, DELIVERED);
        PartnerMilestone firstDelivery = first(document, DELIVERED);
        assertThat(firstDelivery.occurredAt()).as("07:59:52 EST").hasToString("2011-02-01T12:59:52Z");
        assertThat(firstDelivery.proofOfDelivery().signer()).isEqualTo("P LANDRY");
        assertThat(last(document).proofOfDelivery().signer()).isEqualTo("VACHON");
        assertThat(first(document, DELAYED).reason()).isEqualTo(ReasonCode.ADDRESS_INCORRECT);
        assertThat(firstDelivery.time().basis()).isEqualTo(TimeBasis.ZONE_GIVEN);
    }

    @Test
    void canadaPostFrenchMatchesEnglish() {
        Function<String, MappedDocument> map = file -> CanadaPostMapper.map(SharedData.read(file));

        MappedDocument english = map.apply("active_shipping/canadapost_pws/tracking_details_en.xml");
        MappedDocument french = map.apply("active_shipping/canadapost_pws/tracking_details_fr.xml");

        assertThat(codes(french)).isEqualTo(codes(english));
        assertThat(utcTimes(french)).isEqualTo(utcTimes(english));
        assertThat(sourceEventIds(french)).as("ids hash codes and times, not the language")
                .isEqualTo(sourceEventIds(english));
    }

    @Test
    void canadaPostUndeliveredEndsOutForDelivery() {
        MappedDocument document = CanadaPostMapper.map(
                SharedData.read("active_shipping/canadapost_pws/tracking_details_en_undelivered.xml"));

        assertThat(codes(document)).doesNotContain(DELIVERED).endsWith(OUT_FOR_DELIVERY).contains(DELAYED);
    }

    @Test
    void canadaPostElectronicInformationOnly() {
        MappedDocument document = CanadaPostMapper.map(
                SharedData.read("active_shipping/canadapost_pws/tracking_details_no_expected_delivery_date.xml"));

        assertThat(codes(document)).containsExactly(UNKNOWN);
        assertThat(last(document).codeMapped()).isTrue();
        assertThat(last(document).occurredAt()).hasToString("2014-01-27T01:18:06Z");
    }

    @Test
    void canadaPostMalformed() {
        String body = SharedData.read("active_shipping/canadapost_pws/tracking_details_en.xml")
                .replace("</pin>", "</pi>");

        assertThatThrownBy(() -> CanadaPostMapper.map(body)).isInstanceOfSatisfying(MalformedPayloadException.class,
                e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void dhlDeliveredInMilanAcrossZones() {
        MappedDocument document = DhlMapper.map(SharedData.read("karrio/dhl_express_xmlpi_known_tracking_response.xml"));

        assertThat(document.milestones()).hasSize(19);
        PartnerMilestone delivered = first(document, DELIVERED);
        assertThat(delivered.trackingNumber()).isEqualTo("3180831640");
        assertThat(delivered.occurredAt()).as("10:09 in Milan, CEST").hasToString("2009-08-31T08:09:00Z");
        assertThat(delivered.proofOfDelivery().signer()).isEqualTo("MERIDEN");
        PartnerMilestone hongKong = last(document);
        assertThat(hongKong.trackingNumber()).isEqualTo("1815115363");
        assertThat(hongKong.occurredAt()).as("02:19:50 in Hong Kong").hasToString("2009-08-13T18:19:50Z");
        assertThat(hongKong.code()).isEqualTo(UNKNOWN);
        assertThat(hongKong.codeMapped()).as("RW has no mapping").isFalse();
    }

    @Test
    void dhlMalformed() {
        assertThatThrownBy(() -> DhlMapper.map("<req:TrackingResponse xmlns:req=\"http://www.dhl.com\">"))
                .isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void xmlWithDoctypeIsRejected() {
        String body = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<TrackResponse>&e;</TrackResponse>";

        assertThatThrownBy(() -> UspsMapper.mapXml(body)).isInstanceOf(MalformedPayloadException.class)
                .hasMessageContaining("DOCTYPE");
    }
}
