package io.waybill.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waybill.adapters.aggregator.AfterShipMapper;
import io.waybill.adapters.aggregator.EasyPostMapper;
import io.waybill.adapters.aggregator.ShippoMapper;
import io.waybill.adapters.carrier.AustraliaPostMapper;
import io.waybill.adapters.carrier.CanadaPostMapper;
import io.waybill.adapters.carrier.ChronopostMapper;
import io.waybill.adapters.carrier.DhlMapper;
import io.waybill.adapters.carrier.DpdMapper;
import io.waybill.adapters.carrier.FedexMapper;
import io.waybill.adapters.carrier.LaPosteMapper;
import io.waybill.adapters.carrier.LandmarkMapper;
import io.waybill.adapters.carrier.PurolatorMapper;
import io.waybill.adapters.carrier.StampsMapper;
import io.waybill.adapters.carrier.UpsMapper;
import io.waybill.adapters.carrier.UspsMapper;
import io.waybill.adapters.edi.IftstaMapper;
import io.waybill.adapters.edi.X12Mapper;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Redelivered, reordered and truncated variants of every status sample, built from the sample text.
 * A redelivery must give the same source event ids, a reordered document the same set of ids and
 * milestones, and a truncated document a malformed-payload error with a position.
 */
class SampleVariantsTest {

    /**
     * A sample, its mapper, and the element or array whose first two entries the reorder swaps;
     * {@code null} where the sample has no two different entries (single event, identical scans)
     * or is EDI, whose reordering is tested in {@code EdiMappersTest}.
     */
    record Sample(String file, Function<String, MappedDocument> mapper, String entry) {

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Arguments> samples() {
        return Stream.of(
                sample("easypost/event_tracker_updated_fedex_in_transit.json", EasyPostMapper::map, "{\"object\":\"TrackingDetail\""),
                sample("shippo/track_usps_delivered.json", ShippoMapper::map, "{\n      \"object_created\""),
                sample("aftership/get_trackings.json", AfterShipMapper::map, "{\n                        \"slug\""),
                sample("active_shipping/ups/delivered_shipment_with_refund.xml", UpsMapper::mapXml, "Activity"),
                sample("karrio/ups_track_api_v1_vendor_sample.json", UpsMapper::mapJson, null),
                sample("active_shipping/fedex/tracking_response_delivered_with_signature.xml", FedexMapper::mapXml, "Events"),
                sample("karrio/fedex_track_api_v1.json", FedexMapper::mapJson, null),
                sample("active_shipping/usps/tracking_response.xml", UspsMapper::mapXml, "TrackDetail"),
                sample("karrio/usps_tracking_v3_delivered_parcel_locker.json", UspsMapper::mapJson, "{\n      \"eventType\""),
                sample("active_shipping/canadapost_pws/tracking_details_en.xml", CanadaPostMapper::map, "occurrence"),
                sample("karrio/dhl_express_xmlpi_known_tracking_response.xml", DhlMapper::map, "ShipmentEvent"),
                sample("karrio/australiapost_tracking.json", AustraliaPostMapper::map, "{\n                  \"description\""),
                sample("karrio/laposte_colissimo_suivi.json", LaPosteMapper::map, "{\n            \"code\""),
                sample("karrio/chronopost_tracking_soap.xml", ChronopostMapper::map, "events"),
                sample("karrio/dpd_parcel_lifecycle_soap.xml", body -> DpdMapper.map(body, "05212345678901"), "statusInfo"),
                sample("karrio/purolator_tracking_soap.xml", PurolatorMapper::map, null),
                sample("karrio/landmark_track_multi_leg_delivered.xml", LandmarkMapper::map, "Event"),
                sample("active_shipping/stamps/track_shipment_response.xml", body -> StampsMapper.map(body, "94001"), "TrackingEvent"),
                sample("omniparser/x12_214_canadapost.edi", X12Mapper::map, null),
                sample("aws-b2b/x12_214_drayage_multi.edi", X12Mapper::map, null),
                sample("omniparser/edifact_d04a_iftsta_big07.edi", body -> IftstaMapper.map(body, "bring"), null));
    }

    static Stream<Arguments> reorderableSamples() {
        return samples().filter(arguments -> ((Sample) arguments.get()[0]).entry() != null);
    }

    private static Arguments sample(String file, Function<String, MappedDocument> mapper, String entry) {
        return Arguments.of(new Sample(file, mapper, entry));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void redeliveryKeepsIds(Sample sample) {
        String body = SharedData.read(sample.file());

        List<String> first = ids(sample.mapper().apply(body));
        List<String> again = ids(sample.mapper().apply(body));

        assertThat(first).isNotEmpty().doesNotHaveDuplicates();
        assertThat(again).isEqualTo(first);
    }

    @ParameterizedTest
    @MethodSource("reorderableSamples")
    void reorderedEntriesKeepIdsAndCodes(Sample sample) {
        String body = SharedData.read(sample.file());
        String reordered = swapFirstTwo(body, sample.entry());

        MappedDocument original = sample.mapper().apply(body);
        MappedDocument swapped = sample.mapper().apply(reordered);

        assertThat(reordered).isNotEqualTo(body);
        assertThat(Set.copyOf(ids(swapped))).isEqualTo(Set.copyOf(ids(original)));
        for (PartnerMilestone milestone : original.milestones()) {
            PartnerMilestone twin = swapped.milestones().stream()
                    .filter(other -> other.sourceEventId().equals(milestone.sourceEventId())).findFirst().orElseThrow();
            assertThat(twin.code()).isEqualTo(milestone.code());
            assertThat(twin.occurredAt()).isEqualTo(milestone.occurredAt());
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void truncatedDocumentIsMalformed(Sample sample) {
        String body = SharedData.read(sample.file()).strip();
        String truncated = body.substring(0, body.length() * 2 / 3);

        assertThatThrownBy(() -> sample.mapper().apply(truncated))
                .isInstanceOfSatisfying(MalformedPayloadException.class,
                        e -> assertThat(e.position()).as("position of %s", e.getMessage()).isNotEmpty());
    }

    private static List<String> ids(MappedDocument document) {
        return document.milestones().stream().map(PartnerMilestone::sourceEventId).toList();
    }

    /**
     * Swaps the first two entries: for an XML element name the first two {@code <name>...</name>}
     * blocks, for a JSON opening text the first two objects that start with it. Returns the text
     * unchanged when it has fewer than two such entries, which the caller's assertion reports.
     */
    static String swapFirstTwo(String text, String entry) {
        boolean xml = !entry.startsWith("{");
        String open = xml ? "<" + entry + ">" : entry;
        int first = text.indexOf(open);
        int firstEnd = end(text, first, entry, xml);
        int second = first < 0 ? -1 : text.indexOf(open, firstEnd);
        if (first < 0 || second < 0) {
            return text;
        }
        int secondEnd = end(text, second, entry, xml);
        return text.substring(0, first) + text.substring(second, secondEnd) + text.substring(firstEnd, second)
                + text.substring(first, firstEnd) + text.substring(secondEnd);
    }

    private static int end(String text, int start, String entry, boolean xml) {
        if (start < 0) {
            return -1;
        }
        if (xml) {
            String close = "</" + entry + ">";
            return text.indexOf(close, start) + close.length();
        }
        int depth = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }
}
