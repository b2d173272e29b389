package io.waybill.gateway.web;

import io.waybill.gateway.directory.CommandDirectory;
import io.waybill.gateway.messaging.RequestMetadata;
import io.waybill.gateway.readmodel.TenantTimeZones;
import io.waybill.kernel.NotFoundException;
import io.waybill.order.api.OrderId;
import io.waybill.settlement.Cursors;
import io.waybill.settlement.Page;
import io.waybill.settlement.journal.JournalQueries;
import io.waybill.settlement.journal.JournalQueries.AccountBalance;
import io.waybill.settlement.journal.JournalQueries.EntryView;
import io.waybill.settlement.kpi.KpiQueries;
import io.waybill.settlement.kpi.KpiRow;
import io.waybill.settlement.reconciliation.CarrierDaySummary;
import io.waybill.settlement.reconciliation.MismatchCategory;
import io.waybill.settlement.reconciliation.OrderReconciliation;
import io.waybill.settlement.reconciliation.ReconciliationQueries;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Query API for finance: journal, reconciliation per order, mismatches, carrier summaries and KPIs. */
@RestController
@RequestMapping("/api/v1")
class FinanceController {

    private final JournalQueries journal;
    private final ReconciliationQueries reconciliation;
    private final KpiQueries kpis;
    private final TenantTimeZones timeZones;
    private final Clock clock;

    private final CommandDirectory directory;

    FinanceController(JournalQueries journal, ReconciliationQueries reconciliation, KpiQueries kpis,
                      TenantTimeZones timeZones, Clock clock, CommandDirectory directory) {
        this.directory = directory;
        this.journal = journal;
        this.reconciliation = reconciliation;
        this.kpis = kpis;
        this.timeZones = timeZones;
        this.clock = clock;
    }

    record Journal(OrderId orderId, List<EntryView> entries) {
    }

    record TrialBalance(List<AccountBalance> accounts) {
    }

    record CarrierDays(ZoneId timeZone, LocalDate from, LocalDate to, List<CarrierDaySummary> days) {
    }

    record Kpis(ZoneId timeZone, LocalDate from, LocalDate to, List<KpiRow> rows) {
    }

    @GetMapping("/orders/{orderId}/journal")
    Mono<Journal> journal(@PathVariable String orderId, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, VisibilityController.SOURCE);
        OrderId id = OrderId.parse(orderId);
        return CommandSender.blocking(() -> {
            if (directory.orderStatus(caller.tenantId(), id).isEmpty()) {
                throw new NotFoundException("orderId", orderId);
            }
            return new Journal(id, journal.byOrder(caller.tenantId(), id));
        });
    }

    @GetMapping("/journal/trial-balance")
    Mono<TrialBalance> trialBalance(ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, VisibilityController.SOURCE);
        return CommandSender.blocking(() -> new TrialBalance(journal.trialBalance(caller.tenantId())));
    }

    @GetMapping("/reconciliation/orders/{orderId}")
    Mono<OrderReconciliation> reconciliation(@PathVariable String orderId, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, VisibilityController.SOURCE);
        OrderId id = OrderId.parse(orderId);
        return CommandSender.blocking(() -> reconciliation.byOrder(caller.tenantId(), id, clock.instant())
                .orElseThrow(() -> new NotFoundException("orderId", orderId)));
    }

    @GetMapping("/reconciliation/mismatches")
    Mono<Page<OrderReconciliation>> mismatches(@RequestParam(required = false) String category,
                                               @RequestParam(required = false) String cursor,
                                               @RequestParam(required = false) String limit,
                                               ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, VisibilityController.SOURCE);
        MismatchCategory only = QueryParameters.enumValue("category", category, MismatchCategory.class);
        int pageSize = Cursors.limit(QueryParameters.integer("limit", limit), ReconciliationQueries.DEFAULT_LIMIT,
                ReconciliationQueries.MAX_LIMIT);
        return CommandSender.blocking(() -> reconciliation.mismatches(caller.tenantId(), only, cursor, pageSize,
                clock.instant()));
    }

    @GetMapping("/reconciliation/carrier-days")
    Mono<CarrierDays> carrierDays(@RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, VisibilityController.SOURCE);
        LocalDate first = QueryParameters.date("from", from);
        LocalDate last = QueryParameters.date("to", to);
        QueryParameters.dayRange(first, last, ReconciliationQueries.MAX_SUMMARY_DAYS);
        ZoneId zone = timeZones.zoneOf(caller.tenantId());
        return CommandSender.blocking(() -> new CarrierDays(zone, first, last,
                reconciliation.carrierDays(caller.tenantId(), zone, first, last)));
    }

    @GetMapping("/kpis")
    Mono<Kpis> kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String carrier, ServerWebExchange exchange) {
        RequestMetadata caller = Callers.of(exchange, VisibilityController.SOURCE);
        LocalDate first = QueryParameters.date("from", from);
        LocalDate last = QueryParameters.date("to", to);
        QueryParameters.dayRange(first, last, KpiQueries.MAX_DAYS);
        String carrierName = QueryParameters.text("carrier", carrier, 200);
        ZoneId zone = timeZones.zoneOf(caller.tenantId());
        return CommandSender.blocking(() -> new Kpis(zone, first, last,
                kpis.kpis(caller.tenantId(), zone, first, last, carrierName)));
    }
}
