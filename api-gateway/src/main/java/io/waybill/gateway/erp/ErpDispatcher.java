package io.waybill.gateway.erp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.waybill.settlement.Projection;
import io.waybill.settlement.posting.DeliveryState;
import io.waybill.settlement.posting.PostingDeliveries;
import io.waybill.settlement.posting.PostingDeliveries.Candidate;
import io.waybill.settlement.replay.ProjectionAdmin;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Pushes postings to the ERP, one POST per posting, with the posting id as {@code Idempotency-Key}.
 * It reads postings from the table and is not an event handler, so a projection replay never
 * triggers it. It also pauses while the ERP postings projection replays.
 *
 * <p>Each round takes a PostgreSQL advisory lock, so only one node dispatches at a time. Postings go
 * out in position order; within an order, a posting that cannot be sent (held, failed, dead letter)
 * holds back the order's later postings. A 2xx answer marks the posting POSTED in its own
 * transaction right away. A 503 or 429 with {@code Retry-After} holds every posting until then
 * without counting a failure. Other failures count and back off exponentially; after
 * {@code maxFailures} the posting becomes a dead letter, and a 4xx rejection makes it one at once.
 */
public class ErpDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ErpDispatcher.class);
    /** Advisory lock key: the ASCII of "ERPPUSH". */
    private static final long LOCK_KEY = 0x45525050555348L;
    private static final int MAX_ERROR_BODY = 200;

    private final PostingDeliveries deliveries;
    private final ProjectionAdmin projections;
    private final ErpProperties properties;
    private final Clock clock;
    private final WebClient webClient;
    private final ObjectMapper json;
    private final DSLContext dsl;
    private final TransactionTemplate roundTransaction;
    private final TransactionTemplate resultTransaction;
    private ScheduledExecutorService executor;
    private volatile Instant erpHeldUntil;

    public ErpDispatcher(PostingDeliveries deliveries, ProjectionAdmin projections, ErpProperties properties,
                         Clock clock, WebClient.Builder webClients, ObjectMapper json, DSLContext dsl,
                         PlatformTransactionManager transactions) {
        this.deliveries = deliveries;
        this.projections = projections;
        this.properties = properties;
        this.clock = clock;
        this.webClient = webClients.build();
        this.json = json;
        this.dsl = dsl;
        this.roundTransaction = new TransactionTemplate(transactions);
        this.resultTransaction = new TransactionTemplate(transactions);
        this.resultTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public synchronized void start() {
        long interval = properties.push().pollInterval().toMillis();
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "erp-dispatcher"));
        executor.scheduleWithFixedDelay(this::runRound, interval, interval, TimeUnit.MILLISECONDS);
        log.info("ERP dispatcher started: pushing to {} every {}", properties.push().url(),
                properties.push().pollInterval());
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
            log.info("ERP dispatcher stopped");
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void runRound() {
        try {
            dispatchRound();
        } catch (RuntimeException e) {
            log.error("ERP dispatch round failed; the next round tries again", e);
        }
    }

    /** Runs one dispatch round and returns how many postings the ERP accepted in it. */
    int dispatchRound() {
        if (projections.isReplaying(Projection.ERP_POSTINGS)) {
            log.debug("ERP postings projection is replaying; dispatch paused");
            return 0;
        }
        Integer accepted = roundTransaction.execute(status -> {
            Boolean locked = dsl.resultQuery("SELECT pg_try_advisory_xact_lock(?)", LOCK_KEY).fetchOne(0, Boolean.class);
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            return dispatch(deliveries.undelivered(properties.push().batchSize()));
        });
        return accepted == null ? 0 : accepted;
    }

    private int dispatch(List<Candidate> candidates) {
        Instant now = clock.instant();
        Optional<Instant> maintenanceEnd = properties.maintenanceUntil(now);
        Set<UUID> heldOrders = new HashSet<>();
        int accepted = 0;
        for (Candidate candidate : candidates) {
            if (heldOrders.contains(candidate.orderId()) || !isDue(candidate, now)) {
                heldOrders.add(candidate.orderId());
                continue;
            }
            heldOrders.add(candidate.orderId());
            Instant heldUntil = erpHeldUntil;
            if (maintenanceEnd.isPresent()) {
                inOwnTransaction(() -> deliveries.defer(candidate, now, maintenanceEnd.get(),
                        "ERP maintenance window until " + maintenanceEnd.get()));
                continue;
            }
            if (heldUntil != null && heldUntil.isAfter(now)) {
                inOwnTransaction(() -> deliveries.defer(candidate, now, heldUntil,
                        "ERP asked to wait until " + heldUntil));
                continue;
            }
            Outcome outcome = send(candidate, now);
            if (outcome == Outcome.ACCEPTED) {
                accepted++;
                heldOrders.remove(candidate.orderId());
            } else if (outcome == Outcome.ERP_UNAVAILABLE) {
                break;
            }
        }
        return accepted;
    }

    private static boolean isDue(Candidate candidate, Instant now) {
        if (candidate.state() == DeliveryState.FAILED) {
            return false;
        }
        return candidate.nextAttemptAt() == null || !candidate.nextAttemptAt().isAfter(now);
    }

    private enum Outcome {
        ACCEPTED,
        REJECTED,
        ERP_UNAVAILABLE
    }

    private record Answer(int status, String retryAfter, String body) {
    }

    private Outcome send(Candidate candidate, Instant now) {
        Answer answer;
        try {
            answer = webClient.post()
                    .uri(properties.push().url())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header("Idempotency-Key", candidate.postingId().toString())
                    .header("X-Waybill-Posting-Id", candidate.postingId().toString())
                    .header("X-Waybill-Tenant-Id", candidate.tenantId())
                    .bodyValue(candidate.document())
                    .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                            .map(body -> new Answer(response.statusCode().value(),
                                    response.headers().asHttpHeaders().getFirst("Retry-After"), body)))
                    .timeout(properties.push().requestTimeout())
                    .block();
        } catch (RuntimeException e) {
            return failed(candidate, now, null, "request failed: " + describe(e), false);
        }
        if (answer == null) {
            return failed(candidate, now, null, "request returned no answer", false);
        }
        if (answer.status() >= 200 && answer.status() < 300) {
            String documentNumber = documentNumber(answer.body());
            inOwnTransaction(() -> deliveries.markPosted(candidate, now, documentNumber, answer.status()));
            log.info("ERP accepted posting {} of order {} as document {}", candidate.postingId(),
                    candidate.orderId(), documentNumber);
            return Outcome.ACCEPTED;
        }
        Optional<Duration> retryAfter = retryAfter(answer.retryAfter(), now);
        if ((answer.status() == 503 || answer.status() == 429) && retryAfter.isPresent()) {
            Instant until = now.plus(retryAfter.get());
            erpHeldUntil = until;
            inOwnTransaction(() -> deliveries.markAttemptFailed(candidate, now, until, answer.status(),
                    "ERP answered " + answer.status() + " with Retry-After " + answer.retryAfter(), false, false,
                    properties.push().maxFailures()));
            log.warn("ERP responded {} to posting {}, so all postings wait until {}", answer.status(),
                    candidate.postingId(), until);
            return Outcome.ERP_UNAVAILABLE;
        }
        String error = "ERP answered " + answer.status() + ": " + abbreviate(answer.body());
        boolean permanent = answer.status() >= 400 && answer.status() < 500 && answer.status() != 408
                && answer.status() != 429;
        return failed(candidate, now, answer.status(), error, permanent);
    }

    private Outcome failed(Candidate candidate, Instant now, Integer status, String error, boolean permanent) {
        Instant retryAt = now.plus(properties.push().backoff(candidate.failures() + 1));
        DeliveryState state = inOwnTransaction(() -> deliveries.markAttemptFailed(candidate, now, retryAt, status,
                error, true, permanent, properties.push().maxFailures()));
        if (state == DeliveryState.FAILED) {
            log.error("Posting {} of order {} is now a dead letter after {} failures: {}", candidate.postingId(),
                    candidate.orderId(), candidate.failures() + 1, error);
            return permanent ? Outcome.REJECTED : Outcome.ERP_UNAVAILABLE;
        }
        log.warn("Posting {} of order {} failed ({}); next try at {}", candidate.postingId(), candidate.orderId(),
                error, retryAt);
        return permanent ? Outcome.REJECTED : Outcome.ERP_UNAVAILABLE;
    }

    private <T> T inOwnTransaction(Supplier<T> work) {
        return resultTransaction.execute(status -> work.get());
    }

    private void inOwnTransaction(Runnable work) {
        resultTransaction.executeWithoutResult(status -> work.run());
    }

    /** Reads Retry-After as seconds or as an HTTP date; a missing or unreadable value gives empty. */
    static Optional<Duration> retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        if (text.chars().allMatch(Character::isDigit)) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
        }
        try {
            Instant until = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return Optional.of(until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private String documentNumber(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = json.readTree(body).path("documentNumber");
            return node.isTextual() ? node.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= MAX_ERROR_BODY ? body : body.substring(0, MAX_ERROR_BODY) + "…";
    }
}
