package io.waybill.gateway.web;

import io.waybill.gateway.directory.CommandDirectory;
import io.waybill.gateway.messaging.RequestMetadata;
import io.waybill.kernel.NotFoundException;
import io.waybill.order.api.OrderId;
import io.waybill.settlement.Cursors;
import io.waybill.settlement.Page;
import io.waybill.settlement.posting.PostingDeliveries;
import io.waybill.settlement.posting.PostingQueries;
import io.waybill.settlement.posting.PostingView;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The ERP's pull feed: postings in position order after a cursor, and an acknowledgement that
 * records the ERP's document number. An acknowledged posting is POSTED and is never pushed.
 */
@RestController
@RequestMapping("/api/v1")
class ErpFeedController {

    static final String SOURCE = "api:erp";

    private final PostingQueries postings;
    private final PostingDeliveries deliveries;
    private final Clock clock;

    private final CommandDirectory directory;

    ErpFeedController(PostingQueries postings, PostingDeliveries deliveries, Clock clock, CommandDirectory directory) {
        this.directory = directory;
        this.postings = postings;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    record AcknowledgementBody(String erpDocumentNumber) {
    }

    record Acknowledgement(UUID postingId, String erpDocumentNumber, boolean recorded) {
    }

    record PostingList(List<PostingView> postings) {
    }

    @GetMapping("/erp/postings")
    Mono<Page<PostingView>> feed(@RequestParam(required = false) String after,
                                 @RequestParam(required = false) String limit, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, SOURCE);
        int pageSize = Cursors.limit(QueryParameters.integer("limit", limit), PostingQueries.DEFAULT_LIMIT,
                PostingQueries.MAX_LIMIT);
        return CommandSender.blocking(() -> postings.feed(caller.tenantId(), after, pageSize));
    }

    @GetMapping("/erp/postings/{postingId}")
    Mono<PostingView> posting(@PathVariable String postingId, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, SOURCE);
        UUID id = QueryParameters.uuid("postingId", postingId);
        return CommandSender.blocking(() -> postings.byId(caller.tenantId(), id)
                .orElseThrow(() -> new NotFoundException("postingId", postingId)));
    }

    @GetMapping("/orders/{orderId}/postings")
    Mono<PostingList> byOrder(@PathVariable String orderId, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, SOURCE);
        OrderId id = OrderId.parse(orderId);
        return CommandSender.blocking(() -> {
            if (directory.orderStatus(caller.tenantId(), id).isEmpty()) {
                throw new NotFoundException("orderId", orderId);
            }
            return new PostingList(postings.byOrder(caller.tenantId(), id));
        });
    }

    /** Records the ERP document number; 201 the first time, 200 for a repeat with the same number. */
    @PostMapping("/erp/postings/{postingId}/acknowledgement")
    Mono<ResponseEntity<Acknowledgement>> acknowledge(@PathVariable String postingId,
                                                      @RequestBody AcknowledgementBody body,
                                                      ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, SOURCE);
        UUID id = QueryParameters.uuid("postingId", postingId);
        return CommandSender.blocking(() -> deliveries.acknowledge(caller.tenantId(), id, body.erpDocumentNumber(),
                        clock.instant()))
                .map(recorded -> ResponseEntity.status(recorded ? HttpStatus.CREATED : HttpStatus.OK)
                        .body(new Acknowledgement(id, body.erpDocumentNumber(), recorded)));
    }
}
