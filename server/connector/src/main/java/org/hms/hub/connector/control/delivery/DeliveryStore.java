package org.hms.hub.connector.control.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.hms.hub.connector.control.ConnectorRegistry;
import org.hms.hub.connector.control.SyncTimes;
import org.hms.hub.connector.control.outbound.ResolvedConnector;
import org.hms.hub.connector.entity.Connector;
import org.hms.hub.connector.entity.DeadLetter;
import org.hms.hub.connector.entity.Delivery;
import org.hms.hub.connector.entity.Subscription;
import org.hms.hub.model.connector.ConnectorStatus;
import org.hms.hub.model.event.SyncEvent;
import org.hms.hub.model.sync.DeadLetterReason;
import org.hms.hub.model.sync.DeliveryState;
import org.hms.hub.platform.messaging.EventPublisher;
import org.hms.hub.platform.messaging.WorkQueues;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * The delivery state machine, one short transaction per step so that no transaction spans an HTTP call:
 * {@link #create} (with the work that caused it), {@link #claim} before the call, {@link #finish} after it.
 * The database row is the truth; a JMS message on {@code hub.deliveries} only says "look at delivery n", so a
 * duplicate or late message does no harm and a lost one is re-sent by the {@code DeliverySweeper}.
 */
@ApplicationScoped
public class DeliveryStore {

    private static final Logger LOG = Logger.getLogger(DeliveryStore.class.getName());
    /** How long a claimed attempt may take beyond the connector's timeout before another worker may take over. */
    private static final long CLAIM_MARGIN_SECONDS = 30;
    /** How long deliveries to a switched-off connector wait before they look again. */
    private static final long INACTIVE_WAIT_MILLIS = 30_000;
    /** How often a message is sent on while the row does not show its transaction's change yet (about 20 s). */
    private static final int MAX_HOPS = 25;

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    SyncTimes syncTimes;

    @Inject
    Tenancy tenancy;

    @Inject
    TenantContext tenant;

    @Inject
    WorkQueues queues;

    @Inject
    EventPublisher events;

    @Inject
    ConnectorRegistry registry;

    @Inject
    Circuits circuits;

    /**
     * Records a delivery and queues it, in the caller's transaction. The delivery is written at the transaction's
     * commit, not flushed here: its id comes from the sequence at {@code persist}, and any version it commits with is
     * at least {@link Delivery#FIRST_VERSION}, the lower bound its message names ({@link #claim} waits for a version
     * at least that high). A flush per delivery compared everything the transaction held each time, so a fan-out's
     * cost grew with the square of its deliveries (#10).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Delivery create(Delivery delivery) {
        tenancy.bind(em).persist(delivery);
        if (delivery.state() != DeliveryState.HELD) {
            queues.delivery(tenant.current(), group(delivery), delivery.id(), Delivery.FIRST_VERSION, 0, 0);
        }
        return delivery;
    }

    /** Queues the deliveries held under the key, oldest first (one entity's changes keep their order). */
    @Transactional(Transactional.TxType.REQUIRED)
    public int release(String holdKey) {
        List<Delivery> held = tenancy.bind(em).createQuery("SELECT d FROM Delivery d WHERE d.holdKey = :key AND"
                + " d.state = org.hms.hub.model.sync.DeliveryState.HELD ORDER BY d.id", Delivery.class)
                .setParameter("key", holdKey).getResultList();
        for (Delivery d : held) {
            d.release();
            enqueue(d, 0);
        }
        return held.size();
    }

    /** Puts a message for the delivery on the queue again (replays, the sweeper, released successors). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(Delivery delivery, long delayMillis) {
        delivery.enqueued();
        em.flush(); // the version the message names is the one this transaction commits
        queues.delivery(tenant.current(), group(delivery), delivery.id(), delivery.version(), 0, delayMillis);
    }

    /** Sends the delivery's message again if it is still unfinished (the sweeper's way back in). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean resend(long id) {
        Delivery d = tenancy.bind(em).find(Delivery.class, id);
        if (d == null || d.state().isFinal()) {
            return false;
        }
        enqueue(d, 0);
        return true;
    }

    /** Sends now the connector's deliveries that wait for a retry (a RESEND_MISSED job); returns how many. */
    @Transactional
    public int kick(long connectorId, OffsetDateTime since, String jobId) {
        List<Delivery> waiting = tenancy.bind(em).createNamedQuery(Delivery.STUCK_FOR, Delivery.class)
                .setParameter("connectorId", connectorId).setParameter("unfinished", List.of(DeliveryState.RETRYING))
                .setParameter("since", since != null ? since : OffsetDateTime.parse("2000-01-01T00:00:00Z"))
                .setMaxResults(5_000).getResultList();
        for (Delivery d : waiting) {
            d.adopt(jobId);
            enqueue(d, 0);
        }
        return waiting.size();
    }

    static String group(Delivery d) {
        return "c" + d.connectorId() + ":" + d.entityKey();
    }

    /**
     * Claims the delivery for one attempt, or says why not ({@code null}): finished already, being sent by
     * another worker, waiting behind an earlier change of its entity (BLOCKED), its target gone (dead letter),
     * the connector switched off or its circuit open (postponed, no attempt counted).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Attempt claim(long id, long version, int hops, String group) {
        Delivery d = tenancy.bind(em).find(Delivery.class, id);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (d == null || d.version() < version) {
            // The message of a two-phase commit can arrive before its database change is visible: look again
            // shortly (the sweeper takes over should the change never become visible).
            if (hops < MAX_HOPS && group != null) {
                queues.delivery(tenant.current(), group, id, version, hops + 1, 50L * (hops + 1));
            }
            return null;
        }
        if (d.state().isFinal() || d.state() == DeliveryState.HELD) {
            return null;
        }
        if (d.state() == DeliveryState.IN_FLIGHT && d.inFlightUntil() != null && d.inFlightUntil().isAfter(now)) {
            return null;
        }
        long earlier = em.createNamedQuery(Delivery.EARLIER_UNFINISHED, Long.class)
                .setParameter("connectorId", d.connectorId()).setParameter("entityKey", d.entityKey())
                .setParameter("id", d.id()).setParameter("unfinished", Delivery.UNFINISHED).getSingleResult();
        if (earlier > 0) {
            if (d.state() != DeliveryState.BLOCKED) {
                d.blocked();
            }
            return null;
        }
        Connector connector = em.find(Connector.class, d.connectorId());
        if (connector == null) {
            dead(d, DeadLetterReason.NO_TARGET, null, "The connector " + d.connectorId() + " no longer exists.",
                    Map.of());
            return null;
        }
        if (d.subscriptionId() != null) {
            Subscription s = em.find(Subscription.class, d.subscriptionId());
            if (s == null || !s.enabled()) {
                dead(d, s == null ? DeadLetterReason.NO_TARGET : DeadLetterReason.GONE, null, s == null
                        ? "The subscription " + d.subscriptionId() + " was deleted."
                        : "The subscription is switched off" + (s.disabledReason() != null ? ": " + s.disabledReason()
                        : "."), Map.of());
                return null;
            }
        }
        if (connector.status() == ConnectorStatus.INACTIVE) {
            postpone(d, now.plusNanos(INACTIVE_WAIT_MILLIS * 1_000_000));
            return null;
        }
        Instant wait = circuits.of(tenant.current(), d.connectorId()).permit(Instant.now());
        if (wait != null) {
            postpone(d, OffsetDateTime.ofInstant(wait, ZoneOffset.UTC)
                    .plusNanos(ThreadLocalRandom.current().nextLong(1_000_000_000L)));
            return null;
        }
        ResolvedConnector resolved = registry.resolve(d.connectorId());
        d.inFlight(now.plusNanos(resolved.timeoutMs() * 1_000_000L).plusSeconds(CLAIM_MARGIN_SECONDS));
        return new Attempt(tenant.current(), d.id(), d.attempts(), resolved, d.method(),
                DeliverySender.target(resolved, d.path()), d.eventType(), d.entityKey(), d.idempotencyKey(),
                d.payload(), d.createdAt(), RetryPolicy.of(connector.settings().retryAttempts(),
                connector.settings().retryBackoffMs()), d.lookup() == null ? null
                : (org.hms.hub.platform.sync.OutboundRequest.Lookup) org.hms.hub.platform.json.Records.read(
                org.hms.hub.connector.control.inbound.FanOut.parse(d.lookup()),
                org.hms.hub.platform.sync.OutboundRequest.Lookup.class), d.resultPointer());
    }

    private void postpone(Delivery d, OffsetDateTime at) {
        d.postpone(at);
        enqueue(d, Math.max(1, java.time.Duration.between(OffsetDateTime.now(ZoneOffset.UTC), at).toMillis()));
    }

    /** Records an attempt's outcome: delivered, another attempt later, or a dead letter. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finish(Attempt a, Outcome o) {
        Delivery d = tenancy.bind(em).find(Delivery.class, a.deliveryId());
        if (d == null || d.state() != DeliveryState.IN_FLIGHT || d.attempts() != a.attemptNo()) {
            LOG.fine(() -> a + " finished after another worker took it over; its outcome is not recorded");
            return;
        }
        CircuitBreaker breaker = circuits.of(tenant.current(), d.connectorId());
        RetryPolicy.Verdict verdict = o.verdict();
        // A refusal (4xx) is the system answering: for the breaker it counts as up.
        CircuitBreaker.Transition transition = breaker.record(verdict != RetryPolicy.Verdict.RETRY, Instant.now());
        circuitEvent(d.connectorId(), transition, o);
        switch (verdict) {
            case DELIVERED -> {
                d.delivered(o.status(), o.resultId());
                synced(d.connectorId());
                reply(d, org.hms.hub.platform.sync.OutboundResult.DELIVERED, o.status(), null, null);
                events.publish(SyncEvent.of(tenant.current(), "DeliverySucceeded", "system", d.connectorId(),
                        "Delivery", Long.toString(d.id()), "success", null, details(d, o)));
                releaseNext(d);
            }
            case RETRY -> {
                if (a.policy().exhausted(d.attempts())) {
                    dead(d, DeadLetterReason.RETRIES_EXHAUSTED, o.status(), "Gave up after " + d.attempts()
                            + " attempts; last: " + o.error(), o.sentHeaders());
                } else {
                    long delay = a.policy().delayMillis(d.attempts(), o.retryAfterMillis(),
                            ThreadLocalRandom.current()::nextDouble);
                    d.retryAt(OffsetDateTime.now(ZoneOffset.UTC).plusNanos(delay * 1_000_000L), o.status(), o.error());
                    enqueue(d, delay);
                }
            }
            case REJECTED -> dead(d, DeadLetterReason.REJECTED, o.status(), o.error(), o.sentHeaders());
            case GONE -> {
                dead(d, DeadLetterReason.GONE, o.status(), o.error(), o.sentHeaders());
                if (d.subscriptionId() != null) {
                    Subscription s = em.find(Subscription.class, d.subscriptionId());
                    if (s != null && s.enabled()) {
                        s.disable("The target answered 410 Gone to delivery " + d.id() + ".");
                        events.publish(SyncEvent.of(tenant.current(), "SubscriptionDisabled", "system",
                                d.connectorId(), "Subscription", Long.toString(s.id()), "success",
                                "410 Gone", Map.of("eventType", s.eventType())));
                    }
                }
            }
            default -> throw new IllegalStateException(verdict.name());
        }
    }

    /** Gives a delivery up: a dead letter for review, and the entity's next change may go. */
    void dead(Delivery d, DeadLetterReason reason, Integer status, String error, Map<String, String> headers) {
        d.dead(status, error);
        DeadLetter letter = new DeadLetter(d.connectorId(), DeadLetter.Kind.DELIVERY, d.id(), d.receiptId(),
                d.eventType(), d.entityKey(), reason, error, status, d.attempts(),
                org.hms.hub.platform.json.Json.JSONB.toJson(headers), d.payload());
        em.persist(letter);
        em.flush();
        Map<String, String> details = details(d, null);
        details.put("deadLetterId", Long.toString(letter.id()));
        details.put("reason", reason.name());
        events.publish(SyncEvent.of(tenant.current(), "DeliveryDeadLettered", "system", d.connectorId(), "Delivery",
                Long.toString(d.id()), "failure", error, details));
        reply(d, org.hms.hub.platform.sync.OutboundResult.DEAD, status, error, letter.id());
        releaseNext(d);
    }

    /** Tells the module that asked for the delivery how it ended (in this transaction). */
    private void reply(Delivery d, String outcome, Integer status, String error, Long deadLetterId) {
        if (d.replyTo() == null) {
            return;
        }
        queues.send(d.replyTo(), tenant.current(), d.entityKey(), "", result(d, outcome, status, error, deadLetterId));
    }

    /** The properties of a delivery's result message ({@link org.hms.hub.platform.sync.OutboundResult}). */
    public static Map<String, String> result(Delivery d, String outcome, Integer status, String error,
                                             Long deadLetterId) {
        Map<String, String> p = new HashMap<>();
        p.put(org.hms.hub.platform.sync.OutboundResult.DELIVERY_ID, Long.toString(d.id()));
        p.put(org.hms.hub.platform.sync.OutboundResult.REFERENCE, d.reference());
        p.put(org.hms.hub.platform.sync.OutboundResult.OUTCOME, outcome);
        p.put(org.hms.hub.platform.sync.OutboundResult.HTTP_STATUS, status == null ? null : status.toString());
        p.put(org.hms.hub.platform.sync.OutboundResult.RESULT_ID, d.resultId());
        p.put(org.hms.hub.platform.sync.OutboundResult.ERROR, error == null ? null
                : error.substring(0, Math.min(error.length(), 1000)));
        p.put(org.hms.hub.platform.sync.OutboundResult.DEAD_LETTER_ID, deadLetterId == null ? null
                : deadLetterId.toString());
        return p;
    }

    private void releaseNext(Delivery d) {
        em.createNamedQuery(Delivery.NEXT_BLOCKED, Delivery.class).setParameter("connectorId", d.connectorId())
                .setParameter("entityKey", d.entityKey()).getResultStream().findFirst() // at most one: see the query
                .ifPresent(next -> enqueue(next, 0));
    }

    /** Notes that the connector synced, once the current transaction commits ({@link SyncTimes}). */
    public void synced(long connectorId) {
        syncTimes.synced(tenant.current(), connectorId);
    }

    private void circuitEvent(long connectorId, CircuitBreaker.Transition t, Outcome o) {
        if (t == CircuitBreaker.Transition.NONE) {
            return;
        }
        events.publish(SyncEvent.of(tenant.current(), t == CircuitBreaker.Transition.OPENED ? "CircuitOpened"
                        : "CircuitClosed", "system", connectorId, "Connector", Long.toString(connectorId),
                t == CircuitBreaker.Transition.OPENED ? "failure" : "success",
                t == CircuitBreaker.Transition.OPENED ? o.error() : null, Map.of()));
    }

    private static Map<String, String> details(Delivery d, Outcome o) {
        Map<String, String> details = new HashMap<>();
        details.put("eventType", d.eventType());
        details.put("entityKey", d.entityKey());
        details.put("attempts", Integer.toString(d.attempts()));
        details.put("payloadSha256", org.hms.hub.connector.control.inbound.Inbound.sha256(
                d.payload().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        if (o != null && o.status() != null) {
            details.put("httpStatus", Integer.toString(o.status()));
            details.put("latencyMs", Long.toString(o.latencyNanos() / 1_000_000));
        }
        return details;
    }
}
