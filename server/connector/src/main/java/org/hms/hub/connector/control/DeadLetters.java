package org.hms.hub.connector.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hms.hub.connector.control.delivery.DeliveryStore;
import org.hms.hub.connector.control.inbound.FanOut;
import org.hms.hub.connector.control.inbound.Inbound;
import org.hms.hub.connector.control.inbound.InboundShape;
import org.hms.hub.connector.entity.Connector;
import org.hms.hub.connector.entity.DeadLetter;
import org.hms.hub.connector.entity.Delivery;
import org.hms.hub.connector.entity.InboundReceipt;
import org.hms.hub.model.event.SyncEvent;
import org.hms.hub.model.sync.BulkResult;
import org.hms.hub.model.sync.DeadLetterPage;
import org.hms.hub.model.sync.DeadLetterReason;
import org.hms.hub.model.sync.DeadLetterSelection;
import org.hms.hub.model.sync.DeadLetterState;
import org.hms.hub.model.sync.DeadLetterView;
import org.hms.hub.model.sync.DeliveryState;
import org.hms.hub.platform.json.Json;
import org.hms.hub.platform.messaging.EventPublisher;
import org.hms.hub.platform.problem.InvalidFields;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.security.CurrentCaller;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * Review of what the hub gave up on: list and read dead letters, correct a payload, replay (through the normal
 * path, under the same idempotency key — replaying twice sends once) or discard. Every action is an event in the
 * audit trail.
 */
@ApplicationScoped
public class DeadLetters {

    public static final int MAX_PAGE = 200;
    /** A bulk action by filter acts on at most this many dead letters per call. */
    public static final int MAX_BULK = 5_000;

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    TenantContext tenant;

    @Inject
    DeliveryStore deliveries;

    @Inject
    FanOut fanOut;

    @Inject
    Inbound inbound;

    @Inject
    org.hms.hub.connector.control.inbound.InboundDeadLetters inboundDeadLetters;

    @Inject
    EventPublisher events;

    @Inject
    CurrentCaller caller;

    @Transactional
    public DeadLetterPage list(Long connectorId, DeadLetterReason reason, DeadLetterState state, OffsetDateTime from,
                               OffsetDateTime to, int offset, int limit) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<DeadLetter> query = cb.createQuery(DeadLetter.class);
        Root<DeadLetter> root = query.from(DeadLetter.class);
        query.where(filter(cb, root, connectorId, reason, state, from, to)).orderBy(cb.desc(root.get("id")));
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<DeadLetter> counted = count.from(DeadLetter.class);
        count.select(cb.count(counted)).where(filter(cb, counted, connectorId, reason, state, from, to));
        List<DeadLetterView> items = tenancy.bind(em).createQuery(query).setFirstResult(offset).setMaxResults(limit)
                .getResultList().stream().map(d -> view(d, false)).toList();
        return new DeadLetterPage(items, em.createQuery(count).getSingleResult(), offset, limit);
    }

    private static Predicate[] filter(CriteriaBuilder cb, Root<DeadLetter> root, Long connectorId,
                                      DeadLetterReason reason, DeadLetterState state, OffsetDateTime from,
                                      OffsetDateTime to) {
        List<Predicate> where = new ArrayList<>();
        if (connectorId != null) {
            where.add(cb.equal(root.get("connectorId"), connectorId));
        }
        if (reason != null) {
            where.add(cb.equal(root.get("reason"), reason));
        }
        if (state != null) {
            where.add(cb.equal(root.get("state"), state));
        }
        if (from != null) {
            where.add(cb.greaterThanOrEqualTo(root.get("createdAt"), from));
        }
        if (to != null) {
            where.add(cb.lessThan(root.get("createdAt"), to));
        }
        return where.toArray(Predicate[]::new);
    }

    @Transactional
    public DeadLetterView get(long id) {
        return view(find(id), true);
    }

    /** Replaces the payload a replay will send; only while the dead letter is open. */
    @Transactional
    public DeadLetterView edit(long id, long expectedVersion, String payload) {
        DeadLetter letter = find(id);
        if (letter.version() != expectedVersion) {
            throw new ProblemException(412, "Changed meanwhile", "The dead letter was changed by someone else (now "
                    + "version " + letter.version() + "); reload it and apply your change again.");
        }
        requireOpen(letter);
        InvalidFields errors = new InvalidFields();
        if (payload == null || payload.isBlank()) {
            errors.add("payload", "A payload is required.");
        } else if (!payload.stripLeading().startsWith("<")) {
            try (var reader = org.hms.hub.platform.json.Json.JSONP.createReader(new StringReader(payload))) {
                reader.readValue();
            } catch (jakarta.json.JsonException e) {
                errors.add("payload", "The payload is not valid JSON: " + e.getMessage());
            }
        }
        errors.throwIfAny();
        String before = Inbound.sha256(letter.payload().getBytes(StandardCharsets.UTF_8));
        letter.edit(payload);
        em.flush();
        publish("DeadLetterEdited", letter, Map.of("payloadSha256Before", before,
                "payloadSha256", Inbound.sha256(payload.getBytes(StandardCharsets.UTF_8))));
        return view(letter, true);
    }

    @Transactional
    public DeadLetterView replay(long id) {
        DeadLetter letter = find(id);
        requireOpen(letter);
        replay(letter);
        return view(letter, true);
    }

    @Transactional
    public DeadLetterView discard(long id) {
        DeadLetter letter = find(id);
        requireOpen(letter);
        discard(letter);
        return view(letter, true);
    }

    @Transactional
    public BulkResult replay(DeadLetterSelection selection) {
        return bulk(selection, this::replay);
    }

    @Transactional
    public BulkResult discard(DeadLetterSelection selection) {
        return bulk(selection, this::discard);
    }

    /**
     * Replays the open delivery dead letters of a connector (since a time), for a RESEND_MISSED sync job whose
     * counts then follow the replayed deliveries. Returns how many were replayed.
     */
    @Transactional
    public int replayForJob(long connectorId, OffsetDateTime since, String jobId) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<DeadLetter> query = cb.createQuery(DeadLetter.class);
        Root<DeadLetter> root = query.from(DeadLetter.class);
        query.where(filter(cb, root, connectorId, null, DeadLetterState.OPEN, since, null)).orderBy(cb.asc(root.get("id")));
        int replayed = 0;
        for (DeadLetter letter : tenancy.bind(em).createQuery(query).setMaxResults(MAX_BULK).getResultList()) {
            if (letter.kind() != DeadLetter.Kind.DELIVERY || letter.deliveryId() == null) {
                continue;
            }
            Delivery d = em.find(Delivery.class, letter.deliveryId());
            if (d == null || d.state() != DeliveryState.DEAD) {
                continue;
            }
            d.requeue(letter.edited() ? letter.payload() : null, jobId);
            deliveries.enqueue(d, 0);
            letter.resolve(DeadLetterState.REPLAYED, caller.actor());
            publish("DeadLetterReplayed", letter, Map.of("syncJobId", jobId));
            replayed++;
        }
        return replayed;
    }

    /** Records an inbound item the broker gave up on. */
    @Transactional
    public void unprocessable(long connectorId, String receiptId, String payload, String error) {
        inboundDeadLetters.record(connectorId, receiptId, null, null, DeadLetterReason.UNPROCESSABLE, error, 0,
                Map.of("receiptId", receiptId == null ? "" : receiptId), payload, "system");
        if (receiptId != null) {
            InboundReceipt receipt = em.find(InboundReceipt.class, receiptId);
            if (receipt != null && receipt.state() == InboundReceipt.State.RECEIVED) {
                receipt.failed();
            }
        }
    }

    private interface Action {
        void apply(DeadLetter letter);
    }

    private BulkResult bulk(DeadLetterSelection s, Action action) {
        if (s == null) {
            throw new ProblemException(400, "Selection missing", "Send {\"ids\": [...]} or a filter.");
        }
        List<DeadLetter> letters;
        if (s.ids() != null && !s.ids().isEmpty()) {
            if (s.ids().size() > MAX_BULK) {
                new InvalidFields().add("ids", "At most " + MAX_BULK + " ids per call.").throwIfAny();
            }
            letters = s.ids().stream().map(id -> tenancy.bind(em).find(DeadLetter.class, id))
                    .filter(java.util.Objects::nonNull).toList();
        } else {
            boolean filtered = s.connectorId() != null || s.reason() != null || s.from() != null || s.to() != null;
            if (!filtered && !Boolean.TRUE.equals(s.all())) {
                new InvalidFields().add("all", "Without ids or a filter this acts on every open dead letter; "
                        + "confirm with \"all\": true.").throwIfAny();
            }
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<DeadLetter> query = cb.createQuery(DeadLetter.class);
            Root<DeadLetter> root = query.from(DeadLetter.class);
            query.where(filter(cb, root, s.connectorId(), s.reason(), DeadLetterState.OPEN, s.from(), s.to()))
                    .orderBy(cb.asc(root.get("id")));
            letters = tenancy.bind(em).createQuery(query).setMaxResults(MAX_BULK).getResultList();
        }
        List<Long> done = new ArrayList<>();
        List<Long> skipped = new ArrayList<>();
        for (DeadLetter letter : letters) {
            if (letter.state() != DeadLetterState.OPEN) {
                skipped.add(letter.id());
                continue;
            }
            action.apply(letter);
            done.add(letter.id());
        }
        if (s.ids() != null) {
            s.ids().stream().filter(id -> !done.contains(id) && !skipped.contains(id)).forEach(skipped::add);
        }
        return new BulkResult(done, skipped);
    }

    private void replay(DeadLetter letter) {
        if (letter.kind() == DeadLetter.Kind.DELIVERY) {
            Delivery d = letter.deliveryId() == null ? null : em.find(Delivery.class, letter.deliveryId());
            if (d == null) {
                throw new ProblemException(409, "Delivery gone", "Dead letter " + letter.id()
                        + " has no delivery to replay any more.");
            }
            if (d.state() == DeliveryState.DEAD) {
                d.requeue(letter.edited() ? letter.payload() : null, null);
                deliveries.enqueue(d, 0);
            }
        } else {
            Map<String, String> headers = headers(letter);
            String subscription = headers.get("subscriptionId");
            if (subscription != null) {
                fanOut.fanOut(Long.parseLong(headers.getOrDefault("sourceConnectorId", "0")), letter.receiptId(),
                        letter.eventType(), letter.payload(), letter.entityKey(), null, Long.parseLong(subscription));
            } else {
                JsonValue parsed;
                try (var reader = org.hms.hub.platform.json.Json.JSONP.createReader(new StringReader(letter.payload()))) {
                    parsed = reader.readValue();
                } catch (jakarta.json.JsonException e) {
                    throw new InvalidFields().add("payload", "Dead letter " + letter.id() + " is not valid JSON; "
                            + "correct its payload before replaying it.").failed();
                }
                Connector source = em.find(Connector.class, letter.connectorId());
                InboundShape shape = source == null ? InboundShape.DEFAULT
                        : InboundShape.of(ConnectorViews.config(source.settings()));
                inbound.accept(letter.connectorId(), InboundReceipt.Source.REPLAY, "replay:" + letter.id(),
                        letter.payload(), parsed, shape, null);
            }
        }
        letter.resolve(DeadLetterState.REPLAYED, caller.actor());
        publish("DeadLetterReplayed", letter, Map.of());
    }

    private void discard(DeadLetter letter) {
        if (letter.kind() == DeadLetter.Kind.DELIVERY && letter.deliveryId() != null) {
            Delivery d = em.find(Delivery.class, letter.deliveryId());
            if (d != null && d.state() == DeliveryState.DEAD) {
                d.discarded();
            }
        }
        letter.resolve(DeadLetterState.DISCARDED, caller.actor());
        publish("DeadLetterDiscarded", letter, Map.of());
    }

    private void publish(String action, DeadLetter letter, Map<String, String> more) {
        Map<String, String> details = new java.util.HashMap<>(more);
        details.put("reason", letter.reason().name());
        details.put("kind", letter.kind().name());
        if (letter.deliveryId() != null) {
            details.put("deliveryId", Long.toString(letter.deliveryId()));
        }
        events.publish(SyncEvent.of(tenant.current(), action, caller.actor(), letter.connectorId(), "DeadLetter",
                Long.toString(letter.id()), "success", null, details));
    }

    private static void requireOpen(DeadLetter letter) {
        if (letter.state() != DeadLetterState.OPEN) {
            throw new ProblemException(409, "Already resolved", "Dead letter " + letter.id() + " was "
                    + letter.state().name().toLowerCase(java.util.Locale.ROOT) + " by " + letter.resolvedBy() + " at "
                    + letter.resolvedAt() + ".");
        }
    }

    private DeadLetter find(long id) {
        DeadLetter letter = tenancy.bind(em).find(DeadLetter.class, id);
        if (letter == null) {
            throw new ProblemException(404, "No such dead letter", "There is no dead letter " + id + ".");
        }
        return letter;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> headers(DeadLetter letter) {
        return (Map<String, String>) Json.JSONB.fromJson(letter.headersJson(), Map.class);
    }

    private static DeadLetterView view(DeadLetter d, boolean withPayload) {
        return new DeadLetterView(d.id(), d.connectorId(), d.kind().name(), d.deliveryId(), d.eventType(),
                d.entityKey(), d.reason(), d.error(), d.httpStatus(), d.attempts(), headers(d),
                withPayload ? d.payload() : null, d.edited(), d.state(), d.createdAt(), d.resolvedAt(), d.resolvedBy(),
                d.version());
    }
}
