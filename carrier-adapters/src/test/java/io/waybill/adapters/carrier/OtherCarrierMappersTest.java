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
import static io.waybill.shipment.api.MilestoneCode.IN_TRANSIT;
import static io.waybill.shipment.api.MilestoneCode.OUT_FOR_DELIVERY;
import static io.waybill.shipment.api.MilestoneCode.PICKED_UP;
import static io.waybill.shipment.api.MilestoneCode.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.adapters.MalformedPayloadException;
import io.waybill.adapters.MappedDocument;
import io.waybill.adapters.PartnerMilestone;
import io.waybill.adapters.SharedData;
import io.waybill.adapters.TimeBasis;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtherCarrierMappersTest {

    @Test
    void australiaPostThreeArticles() {
        MappedDocument document = AustraliaPostMapper.map(SharedData.read("karrio/australiapost_tracking.json"));

        List<PartnerMilestone> kew = document.milestones().stream()
                .filter(m -> "LX123456789US".equals(m.trackingNumber())).toList();
        assertThat(kew).extracting(PartnerMilestone::code).containsExactly(PICKED_UP, IN_TRANSIT, IN_TRANSIT,
                IN_TRANSIT, IN_TRANSIT, IN_TRANSIT, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED);
        PartnerMilestone delivered = kew.get(kew.size() - 1);
        assertThat(delivered.occurredAt()).as("11:04:27+11:00").hasToString("2021-01-21T00:04:27Z");
        assertThat(delivered.location().city()).isEqualTo("KEW");
        assertThat(delivered.location().region()).isEqualTo("VIC");
        assertThat(delivered.rawCode()).isEqualTo("Delivered - Left in a safe place");
        assertThat(document.milestones()).hasSize(27);
        assertThat(document.milestones().get(0).code()).as("shipping information received").isEqualTo(UNKNOWN);
        assertThat(document.milestones().get(0).codeMapped()).isTrue();
    }

    @Test
    void laPosteColissimoDelivered() {
        MappedDocument document = LaPosteMapper.map(SharedData.read("karrio/laposte_colissimo_suivi.json"));

        assertThat(codes(document)).containsExactly(UNKNOWN, PICKED_UP, IN_TRANSIT, IN_TRANSIT, IN_TRANSIT,
                IN_TRANSIT, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED);
        assertThat(last(document).occurredAt()).hasToString("2023-03-09T08:38:00Z");
        assertThat(last(document).trackingNumber()).isEqualTo("EW112720413FR");
        assertThat(last(document).description()).isEqualTo("Votre colis est livré.");
    }

    @Test
    void chronopostDeliveredToSigner() {
        MappedDocument document = ChronopostMapper.map(SharedData.read("karrio/chronopost_tracking_soap.xml"));

        assertThat(codes(document)).containsExactly(UNKNOWN, PICKED_UP, IN_TRANSIT, IN_TRANSIT, IN_TRANSIT,
                IN_TRANSIT, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED);
        PartnerMilestone delivered = last(document);
        assertThat(delivered.trackingNumber()).isEqualTo("89108749065090");
        assertThat(delivered.occurredAt()).hasToString("2022-06-22T06:30:00Z");
        assertThat(delivered.proofOfDelivery().signer()).isEqualTo("SOLVAREA");
    }

    @Test
    void dpdFailedHomeDeliveryThenParcelShop() {
        MappedDocument document = DpdMapper.map(SharedData.read("karrio/dpd_parcel_lifecycle_soap.xml"), "05212345678901");

        assertThat(codes(document)).containsExactly(IN_TRANSIT, IN_TRANSIT, IN_TRANSIT, OUT_FOR_DELIVERY,
                OUT_FOR_DELIVERY, DELIVERY_ATTEMPT_FAILED, DELIVERY_ATTEMPT_FAILED, AVAILABLE_FOR_PICKUP,
                AVAILABLE_FOR_PICKUP, AVAILABLE_FOR_PICKUP, AVAILABLE_FOR_PICKUP, OUT_FOR_DELIVERY, OUT_FOR_DELIVERY,
                PICKED_UP, DELAYED);
        PartnerMilestone failed = first(document, DELIVERY_ATTEMPT_FAILED);
        assertThat(failed.occurredAt()).as("2:43:31 PM in Mechelen, CEST").hasToString("2021-08-18T12:43:31Z");
        assertThat(failed.time().basis()).isEqualTo(TimeBasis.LOCATION_ZONE);
        assertThat(failed.location().countryCode()).isEqualTo("BE");
    }

    @Test
    void dpdWithoutParcelNumberIsReported() {
        MappedDocument document = DpdMapper.map(SharedData.read("karrio/dpd_parcel_lifecycle_soap.xml"), null);

        assertThat(document.milestones()).isEmpty();
        assertThat(document.problems()).singleElement().satisfies(p -> assertThat(p.fix()).contains("trackingNumber"));
    }

    @Test
    void purolatorRepeatedScanKeepsBoth() {
        MappedDocument document = PurolatorMapper.map(SharedData.read("karrio/purolator_tracking_soap.xml"));

        assertThat(codes(document)).containsExactly(UNKNOWN, UNKNOWN);
        assertThat(utcTimes(document)).containsOnly("2004-01-13T22:23:00Z");
        assertThat(sourceEventIds(document)).doesNotHaveDuplicates();
        assertThat(last(document).location().region()).isEqualTo("QC");
    }

    @Test
    void landmarkDeliveredInQuebec() {
        MappedDocument document = LandmarkMapper.map(SharedData.read("karrio/landmark_track_delivered.xml"));

        assertThat(codes(document)).containsExactly(UNKNOWN, IN_TRANSIT, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED);
        assertThat(last(document).occurredAt()).as("02:05 PM EDT").hasToString("2025-09-27T18:05:00Z");
        assertThat(last(document).partnerReferences()).containsExactly("LTN49100231N3", "ORDER-3003");
    }

    @Test
    void landmarkMultiLegKeepsDocumentOrder() {
        MappedDocument document = LandmarkMapper.map(SharedData.read("karrio/landmark_track_multi_leg_delivered.xml"));

        assertThat(codes(document)).containsExactly(UNKNOWN, IN_TRANSIT, IN_TRANSIT, IN_TRANSIT, IN_TRANSIT,
                IN_TRANSIT, DELIVERED);
        PartnerMilestone delivered = last(document);
        assertThat(delivered.time().timeIsLocal()).as("Roundwood, WW names no country").isTrue();
        assertThat(delivered.occurredAt()).as("its clock reading is earlier than the crossing scans")
                .isBefore(document.milestones().get(5).occurredAt());
    }

    @Test
    void stampsNeedsTrackingNumberAndUsesUsps() {
        MappedDocument document = StampsMapper.map(SharedData.read("active_shipping/stamps/track_shipment_response.xml"),
                "9400100000000000000000");

        assertThat(codes(document)).containsExactly(UNKNOWN, IN_TRANSIT, DELIVERED);
        assertThat(last(document).carrier()).isEqualTo("usps");
        assertThat(last(document).occurredAt()).as("10:32 in Fort Wayne, EST").hasToString("2008-02-19T15:32:00Z");
        assertThat(document.milestones().get(0).time().basis()).isEqualTo(TimeBasis.LOCAL_UNRESOLVED);
    }

    @Test
    void otherCarriersRejectMalformedBodies() {
        assertThatThrownBy(() -> AustraliaPostMapper.map("{\"tracking_results\": [")).isInstanceOf(
                MalformedPayloadException.class);
        assertThatThrownBy(() -> LaPosteMapper.map("[{\"shipment\": }]")).isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> ChronopostMapper.map("<soap:Envelope")).isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> DpdMapper.map("<Envelope/>", "1")).isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> PurolatorMapper.map("<a><b></a>")).isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> LandmarkMapper.map("<Other/>")).isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> StampsMapper.map("", "1")).isInstanceOf(MalformedPayloadException.class);
    }
}
