package io.waybill.gateway.web;

import io.waybill.adapters.MappedDocument;
import io.waybill.adapters.aggregator.AfterShipMapper;
import io.waybill.adapters.aggregator.EasyPostMapper;
import io.waybill.adapters.aggregator.EasyPostShipmentMapper;
import io.waybill.adapters.aggregator.ShippoMapper;
import io.waybill.adapters.carrier.AustraliaPostMapper;
import io.waybill.adapters.carrier.CanadaPostMapper;
import io.waybill.adapters.carrier.ChronopostMapper;
import io.waybill.adapters.carrier.DpdMapper;
import io.waybill.adapters.carrier.LandmarkMapper;
import io.waybill.adapters.carrier.LaPosteMapper;
import io.waybill.adapters.carrier.PurolatorMapper;
import io.waybill.adapters.carrier.StampsMapper;
import io.waybill.adapters.carrier.DhlMapper;
import io.waybill.adapters.carrier.FedexMapper;
import io.waybill.adapters.carrier.UpsMapper;
import io.waybill.adapters.carrier.UpsShipmentMapper;
import io.waybill.adapters.carrier.UspsMapper;
import io.waybill.adapters.edi.IftstaMapper;
import io.waybill.adapters.edi.X12Mapper;
import io.waybill.gateway.messaging.RequestMetadata;
import io.waybill.gateway.web.PartnerIntake.IntakeResponse;
import io.waybill.kernel.NotFoundException;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Partner APIs: aggregator webhooks, carrier tracking responses and EDI files, each taken as the
 * partner sends it. A body that cannot be read as its format gets a 400 response and nothing of it
 * is stored; otherwise every entry gets its own result (see {@link PartnerIntake}).
 */
@RestController
@RequestMapping("/api/v1/partners")
class PartnerController {

    /** Carriers with a tracking-response adapter; the body's first character decides between XML and JSON. */
    static final List<String> TRACKING_CARRIERS = List.of("ups", "fedex", "usps", "canadapost", "dhl",
            "australiapost", "laposte", "chronopost", "dpd", "purolator", "landmark", "stamps");

    private final PartnerIntake intake;

    PartnerController(PartnerIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/easypost/webhooks")
    Mono<ResponseEntity<IntakeResponse>> easyPost(@RequestBody String body, ServerWebExchange exchange) {
        return take(exchange, EasyPostMapper.PARTNER, body, EasyPostMapper::map);
    }

    /** Takes an EasyPost Shipment after the label was bought; its fees become the expected charges. */
    @PostMapping("/easypost/shipments")
    Mono<ResponseEntity<IntakeResponse>> easyPostShipment(@RequestBody String body, ServerWebExchange exchange) {
        return take(exchange, EasyPostMapper.PARTNER, body, EasyPostShipmentMapper::map);
    }

    /** Takes a UPS ShipAccept response; its shipment charges become the expected charges. */
    @PostMapping("/carriers/ups/shipments")
    Mono<ResponseEntity<IntakeResponse>> upsShipment(@RequestBody String body, ServerWebExchange exchange) {
        return take(exchange, UpsMapper.PARTNER, body, UpsShipmentMapper::map);
    }

    @PostMapping("/shippo/webhooks")
    Mono<ResponseEntity<IntakeResponse>> shippo(@RequestBody String body, ServerWebExchange exchange) {
        return take(exchange, ShippoMapper.PARTNER, body, ShippoMapper::map);
    }

    @PostMapping("/aftership/trackings")
    Mono<ResponseEntity<IntakeResponse>> afterShip(@RequestBody String body, ServerWebExchange exchange) {
        return take(exchange, AfterShipMapper.PARTNER, body, AfterShipMapper::map);
    }

    /**
     * Takes a carrier's tracking response. DPD and Stamps.com responses do not repeat the tracking
     * number, so it comes as {@code ?trackingNumber=}.
     */
    @PostMapping("/carriers/{carrier}/tracking")
    Mono<ResponseEntity<IntakeResponse>> carrierTracking(@PathVariable String carrier, @RequestBody String body,
                                                         @RequestParam(name = "trackingNumber", required = false)
                                                         String trackingNumber,
                                                         ServerWebExchange exchange) {
        boolean xml = body.stripLeading().startsWith("<");
        Function<String, MappedDocument> mapper = switch (carrier) {
            case "ups" -> xml ? UpsMapper::mapXml : UpsMapper::mapJson;
            case "fedex" -> xml ? FedexMapper::mapXml : FedexMapper::mapJson;
            case "usps" -> xml ? UspsMapper::mapXml : UspsMapper::mapJson;
            case "canadapost" -> CanadaPostMapper::map;
            case "dhl" -> DhlMapper::map;
            case "australiapost" -> AustraliaPostMapper::map;
            case "laposte" -> LaPosteMapper::map;
            case "chronopost" -> ChronopostMapper::map;
            case "dpd" -> text -> DpdMapper.map(text, trackingNumber);
            case "purolator" -> PurolatorMapper::map;
            case "landmark" -> LandmarkMapper::map;
            case "stamps" -> text -> StampsMapper.map(text, trackingNumber);
            default -> throw new NotFoundException("carrier", carrier + " (supported: " + TRACKING_CARRIERS + ")");
        };
        return take(exchange, carrier, body, mapper);
    }

    @PostMapping("/edi/x12")
    Mono<ResponseEntity<IntakeResponse>> x12(@RequestBody String body, ServerWebExchange exchange) {
        return take(exchange, X12Mapper.PARTNER, body, X12Mapper::map);
    }

    /**
     * Takes an IFTSTA interchange. {@code carrier} names the carrier as it was given at tender; without
     * it the NAD+CA party or the interchange sender is used.
     */
    @PostMapping("/edi/edifact")
    Mono<ResponseEntity<IntakeResponse>> edifact(@RequestBody String body,
                                                 @RequestParam(name = "carrier", required = false) String carrier,
                                                 ServerWebExchange exchange) {
        return take(exchange, IftstaMapper.PARTNER, body, text -> IftstaMapper.map(text, carrier));
    }

    private Mono<ResponseEntity<IntakeResponse>> take(ServerWebExchange exchange, String partner, String body,
                                                      Function<String, MappedDocument> mapper) {
        RequestMetadata caller = Callers.partner(exchange, partner);
        return CommandSender.blocking(() -> mapper.apply(body))
                .flatMap(document -> intake.record(document, caller).map(response -> respond(document, response)));
    }

    /**
     * Returns 200 with the per-entry results, or 422 when the document held nothing the ledger can
     * record (for example an X12 204 sent to the status endpoint).
     */
    private static ResponseEntity<IntakeResponse> respond(MappedDocument document, IntakeResponse response) {
        boolean nothingRecordable = document.milestones().isEmpty() && document.invoices().isEmpty()
                && document.quotes().isEmpty()
                && !document.problems().isEmpty() && document.problems().stream()
                .allMatch(problem -> problem.type().startsWith("unsupported"));
        return ResponseEntity.status(nothingRecordable ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
                .body(response);
    }
}
