package io.waybill.gateway.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.waybill.adapters.EntryProblem;
import io.waybill.adapters.MappedDocument;
import io.waybill.adapters.PartnerInvoice;
import io.waybill.adapters.PartnerMilestone;
import io.waybill.adapters.PartnerQuote;
import io.waybill.adapters.TimeBasis;
import io.waybill.gateway.directory.TrackingDirectory;
import io.waybill.gateway.directory.TrackingDirectory.TrackedShipment;
import io.waybill.gateway.messaging.PartnerMetadata;
import io.waybill.gateway.messaging.RequestMetadata;
import io.waybill.gateway.web.ProblemResponses.Problems;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.InvalidValueException;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.PartnerId;
import io.waybill.kernel.RejectedCommandException;
import io.waybill.shipment.api.MilestoneCode;
import io.waybill.shipment.api.MilestoneOutcome;
import io.waybill.shipment.api.ReasonCode;
import io.waybill.shipment.api.ShipmentCommands.ChargeOutcome;
import io.waybill.shipment.api.ShipmentCommands.MilestoneResult;
import io.waybill.shipment.api.ShipmentCommands.RecordCarrierInvoice;
import io.waybill.shipment.api.ShipmentCommands.RecordExpectedCharges;
import io.waybill.shipment.api.ShipmentCommands.RecordMilestone;
import io.waybill.shipment.api.ShipmentStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Records what a partner mapper got out of one document: matches each milestone, invoice and quote to a
 * shipment by tenant, carrier, tracking number and the partner's references, sends one command per
 * item, and returns a result per item. Items of one shipment are sent in document order, one after the
 * other; different shipments run in parallel. A bad item never stops the others.
 */
@Component
class PartnerIntake {

    static final String UNKNOWN_CODES_METRIC = "waybill.partner.unknown.codes";
    /** How far ahead of the ledger's clock a partner event may claim to have happened (partner clock skew). */
    static final Duration MAX_CLOCK_SKEW = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(PartnerIntake.class);
    private static final int SHIPMENTS_IN_PARALLEL = 4;
    private static final int MAX_METRIC_TAG_LENGTH = 32;

    private final CommandSender commands;
    private final TrackingDirectory directory;
    private final MeterRegistry meters;
    private final Clock clock;

    PartnerIntake(CommandSender commands, TrackingDirectory directory, MeterRegistry meters, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * One item of the response: its HTTP-equivalent status, where it sits in the document, what it was
     * mapped to, and either the ledger's outcome or a problem.
     */
    record ItemResult(int index, String position, int status, String trackingNumber, String shipmentId,
                      String sourceEventId, MilestoneCode code, String rawCode, ReasonCode reason, String rawReason,
                      Instant occurredAt, String partnerLocalTime, String partnerUtcOffset, TimeBasis timeBasis,
                      MilestoneOutcome outcome, ShipmentStatus currentStatus, String chargeReference,
                      Boolean chargesRecorded, ProblemDetail problem) {
    }

    record IntakeResponse(String format, int received, int recorded, int duplicates, int rejected,
                          List<String> warnings, List<ItemResult> results) {
    }

    /** Work for one shipment-bound item, before it is matched. */
    private record Item(int index, PartnerMilestone milestone, PartnerInvoice invoice, PartnerQuote quote) {

        String carrier() {
            if (milestone != null) {
                return milestone.carrier();
            }
            return invoice != null ? invoice.carrier() : quote.carrier();
        }

        String trackingNumber() {
            if (milestone != null) {
                return milestone.trackingNumber();
            }
            return invoice != null ? invoice.trackingNumber() : quote.trackingNumber();
        }

        List<String> references() {
            if (milestone != null) {
                return milestone.partnerReferences();
            }
            return invoice != null ? invoice.partnerReferences() : quote.partnerReferences();
        }

        String position() {
            if (milestone != null) {
                return milestone.position();
            }
            return invoice != null ? invoice.position() : quote.position();
        }

        String matchKey() {
            return carrier() + "|" + trackingNumber() + "|" + references();
        }
    }

    Mono<IntakeResponse> record(MappedDocument document, RequestMetadata caller) {
        List<Item> items = new ArrayList<>();
        int index = 0;
        for (PartnerMilestone milestone : document.milestones()) {
            items.add(new Item(index++, milestone, null, null));
        }
        for (PartnerInvoice invoice : document.invoices()) {
            items.add(new Item(index++, null, invoice, null));
        }
        for (PartnerQuote quote : document.quotes()) {
            items.add(new Item(index++, null, null, quote));
        }
        List<ItemResult> problems = new ArrayList<>();
        for (EntryProblem problem : document.problems()) {
            problems.add(fromEntryProblem(index++, problem));
        }
        return CommandSender.blocking(() -> match(items, caller))
                .flatMapMany(matched -> Flux.fromIterable(matched.entrySet()))
                .flatMap(group -> Flux.fromIterable(group.getValue())
                        .concatMap(item -> send(item, group.getKey(), document.format(), caller)),
                        SHIPMENTS_IN_PARALLEL)
                .concatWith(Flux.fromIterable(problems))
                .sort(Comparator.comparingInt(ItemResult::index))
                .collectList()
                .map(results -> summarise(document, results));
    }

    /** Groups the items by the shipment they match; an item that matches none is keyed by its failure. */
    private Map<Object, List<Item>> match(List<Item> items, RequestMetadata caller) {
        Map<String, Object> byKey = new HashMap<>();
        Map<Object, List<Item>> groups = new java.util.LinkedHashMap<>();
        for (Item item : items) {
            Object target = byKey.computeIfAbsent(item.matchKey(), key -> resolve(item, caller));
            Object groupKey = target instanceof RejectedCommandException ? new Failed(item.index(),
                    (RejectedCommandException) target) : target;
            groups.computeIfAbsent(groupKey, key -> new ArrayList<>()).add(item);
        }
        return groups;
    }

    private record Failed(int index, RejectedCommandException rejection) {
    }

    /**
     * Finds the one shipment an item belongs to. Carrier and tracking number must match. When several
     * shipments share them because the carrier reused the number, one of the partner's references must
     * equal a shipment's provider shipment id.
     */
    private Object resolve(Item item, RequestMetadata caller) {
        if (item.carrier() == null || item.trackingNumber() == null) {
            return new InvalidValueException("trackingNumber", item.trackingNumber(),
                    "the partner document names no carrier or tracking number for this entry");
        }
        List<TrackedShipment> candidates = directory.find(caller.tenantId(), item.carrier(), item.trackingNumber());
        if (candidates.isEmpty()) {
            return new NotFoundException("trackingNumber", item.carrier() + " " + item.trackingNumber());
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        List<TrackedShipment> referenced = candidates.stream()
                .filter(candidate -> item.references().contains(candidate.providerShipmentId()))
                .toList();
        if (referenced.size() == 1) {
            return referenced.get(0);
        }
        String shipments = candidates.stream().map(candidate -> candidate.shipmentId() + " ("
                + candidate.providerShipmentId() + ")").collect(Collectors.joining(", "));
        return new ConflictException("tracking number " + item.trackingNumber() + " of carrier " + item.carrier()
                + " belongs to " + candidates.size() + " shipments: " + shipments
                + "; the partner references " + item.references() + " match none of them uniquely",
                "trackingNumber", item.trackingNumber(),
                "send the partner's shipment reference that was given as providerShipmentId at tender");
    }

    private Mono<ItemResult> send(Item item, Object target, String format, RequestMetadata caller) {
        if (target instanceof Failed failed) {
            return Mono.just(failure(item, failed.rejection()));
        }
        TrackedShipment shipment = (TrackedShipment) target;
        try {
            if (item.milestone() != null) {
                return sendMilestone(item, shipment, format, caller);
            }
            return item.invoice() != null
                    ? sendInvoice(item, shipment, format, caller)
                    : sendQuote(item, shipment, format, caller);
        } catch (RejectedCommandException e) {
            return Mono.just(failure(item, e));
        }
    }

    private Mono<ItemResult> sendMilestone(Item item, TrackedShipment shipment, String format,
                                           RequestMetadata caller) {
        PartnerMilestone milestone = item.milestone();
        if (milestone.occurredAt().isAfter(clock.instant().plus(MAX_CLOCK_SKEW))) {
            throw new InvalidValueException("occurredAt", milestone.occurredAt().toString(),
                    "the partner's event time lies more than 24 hours ahead of the ledger's clock; check its time zone");
        }
        RecordMilestone command = new RecordMilestone(shipment.shipmentId(), caller.tenantId(), milestone.code(),
                milestone.occurredAt(), milestone.sourceEventId(), "partner:" + milestone.partner(),
                milestone.rawCode(), milestone.reason(), milestone.rawReason(), milestone.description(),
                milestone.location(), milestone.proofOfDelivery(), milestone.estimatedDelivery(), null);
        MetaData metadata = caller.toMetaData().and(PartnerMetadata.FORMAT, format)
                .and(PartnerMetadata.POSITION, milestone.position())
                .and(PartnerMetadata.TIME_BASIS, milestone.time().basis().name())
                .and(PartnerMetadata.LOCAL_TIME, String.valueOf(milestone.time().localText()))
                .and(PartnerMetadata.UTC_OFFSET, String.valueOf(milestone.time().utcOffset()));
        return commands.<MilestoneResult>send(command, metadata)
                .map(result -> {
                    if (result.outcome() != MilestoneOutcome.DUPLICATE) {
                        countUnknownCodes(milestone);
                    }
                    return new ItemResult(item.index(), milestone.position(),
                            result.outcome() == MilestoneOutcome.DUPLICATE ? 200 : 201, milestone.trackingNumber(),
                            shipment.shipmentId().toString(), milestone.sourceEventId(), milestone.code(),
                            milestone.rawCode(), milestone.reason(), milestone.rawReason(), milestone.occurredAt(),
                            milestone.time().localText(), milestone.time().utcOffset(), milestone.time().basis(),
                            result.outcome(), result.currentStatus(), null, null, null);
                })
                .onErrorResume(error -> Mono.just(failure(item, error)));
    }

    private Mono<ItemResult> sendInvoice(Item item, TrackedShipment shipment, String format, RequestMetadata caller) {
        PartnerInvoice invoice = item.invoice();
        RecordCarrierInvoice command = new RecordCarrierInvoice(shipment.shipmentId(), caller.tenantId(),
                PartnerId.of(invoice.carrier()), invoice.invoiceReference(), invoice.lines(), invoice.invoicedAt());
        MetaData metadata = caller.toMetaData().and(PartnerMetadata.FORMAT, format)
                .and(PartnerMetadata.POSITION, invoice.position());
        return commands.<ChargeOutcome>send(command, metadata)
                .map(outcome -> {
                    if (outcome.recorded()) {
                        invoice.unknownChargeCodes().forEach(code -> count(invoice.partner(), "charge:" + code));
                    }
                    return new ItemResult(item.index(), invoice.position(), outcome.recorded() ? 201 : 200,
                            invoice.trackingNumber(), shipment.shipmentId().toString(), null, null, null, null, null,
                            invoice.invoicedAt(), null, null, null, null, null, invoice.invoiceReference(),
                            outcome.recorded(), null);
                })
                .onErrorResume(error -> Mono.just(failure(item, error)));
    }

    private Mono<ItemResult> sendQuote(Item item, TrackedShipment shipment, String format, RequestMetadata caller) {
        PartnerQuote quote = item.quote();
        Instant quotedAt = quote.quotedAt() != null ? quote.quotedAt() : clock.instant();
        RecordExpectedCharges command = new RecordExpectedCharges(shipment.shipmentId(), caller.tenantId(),
                quote.quoteReference(), quote.lines(), quotedAt);
        MetaData metadata = caller.toMetaData().and(PartnerMetadata.FORMAT, format)
                .and(PartnerMetadata.POSITION, quote.position());
        return commands.<ChargeOutcome>send(command, metadata)
                .map(outcome -> new ItemResult(item.index(), quote.position(), outcome.recorded() ? 201 : 200,
                        quote.trackingNumber(), shipment.shipmentId().toString(), null, null, null, null, null,
                        quotedAt, null, null, null, null, null, quote.quoteReference(), outcome.recorded(), null))
                .onErrorResume(error -> Mono.just(failure(item, error)));
    }

    private void countUnknownCodes(PartnerMilestone milestone) {
        if (!milestone.codeMapped()) {
            count(milestone.partner(), milestone.rawCode());
        }
        if (!milestone.reasonMapped()) {
            count(milestone.partner(), "reason:" + milestone.rawReason());
        }
    }

    private void count(String partner, String code) {
        String tag = code == null ? "none" : code.length() > MAX_METRIC_TAG_LENGTH
                ? code.substring(0, MAX_METRIC_TAG_LENGTH) : code;
        meters.counter(UNKNOWN_CODES_METRIC, "partner", partner, "code", tag).increment();
    }

    private ItemResult failure(Item item, Throwable error) {
        ProblemDetail problem;
        if (error instanceof RejectedCommandException rejection) {
            problem = Problems.fromRejection(rejection);
        } else if (error instanceof AggregateNotFoundException) {
            problem = Problems.fromRejection(new NotFoundException("shipmentId", String.valueOf(
                    ((AggregateNotFoundException) error).getAggregateIdentifier())));
        } else {
            log.error("Partner item {} of tracking number {} failed", item.index(), item.trackingNumber(), error);
            problem = Problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                    "the ledger could not record this item; nothing was recorded for it");
        }
        PartnerMilestone milestone = item.milestone();
        String position = item.position();
        problem.setProperty("position", position);
        String chargeReference = item.invoice() != null ? item.invoice().invoiceReference()
                : item.quote() != null ? item.quote().quoteReference() : null;
        return new ItemResult(item.index(), position, problem.getStatus(), item.trackingNumber(), null,
                milestone == null ? null : milestone.sourceEventId(), milestone == null ? null : milestone.code(),
                milestone == null ? null : milestone.rawCode(), null, null,
                milestone == null ? null : milestone.occurredAt(), null, null, null, null, null, chargeReference, null,
                problem);
    }

    private static ItemResult fromEntryProblem(int index, EntryProblem entry) {
        HttpStatus status = "invalid-entry".equals(entry.type()) ? HttpStatus.BAD_REQUEST
                : HttpStatus.UNPROCESSABLE_ENTITY;
        ProblemDetail problem = Problems.problem(status, entry.type(), title(entry.type()), entry.detail());
        problem.setProperty("position", entry.position());
        problem.setProperty("fix", entry.fix());
        return new ItemResult(index, entry.position(), status.value(), entry.trackingNumber(), null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, problem);
    }

    private static String title(String type) {
        return switch (type) {
            case "invalid-entry" -> "Invalid entry";
            case "partner-error" -> "Partner reported an error";
            case "unallocated-charges" -> "Charges without a shipment";
            default -> "Unsupported content";
        };
    }

    private static IntakeResponse summarise(MappedDocument document, List<ItemResult> results) {
        int recorded = 0;
        int duplicates = 0;
        int rejected = 0;
        for (ItemResult result : results) {
            if (result.problem() != null) {
                rejected++;
            } else if (result.status() == 200) {
                duplicates++;
            } else {
                recorded++;
            }
        }
        return new IntakeResponse(document.format(), results.size(), recorded, duplicates, rejected,
                document.warnings(), results);
    }
}
