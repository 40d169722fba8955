package org.hms.hub.connector.control.inbound;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hms.hub.connector.entity.InboundReceipt;
import org.hms.hub.connector.entity.InboundReceipt.Source;
import org.hms.hub.model.event.SyncEvent;
import org.hms.hub.platform.messaging.EventPublisher;
import org.hms.hub.platform.messaging.Jms;
import org.hms.hub.platform.messaging.WorkQueues;
import org.hms.hub.platform.sync.InboundRoutes;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * The one door into the hub for inbound items (webhooks, polled records, queue messages, manual syncs): records
 * a receipt and puts the item on {@code hub.inbound} in one transaction, so an item is either durably queued
 * and receipted, or neither. An item whose external id the connector has sent before is acknowledged as a
 * duplicate and not queued again — unless its receipt is still unprocessed after {@link #RESEND_AFTER} and the
 * payload is the same: then its message may have been lost with a commit a crash split, and it is queued again
 * (the fan-out goes by the receipt's state, so nothing is done twice). The receipt keeps the payload until the item
 * is processed, so the sweeper ({@link #requeue}) queues such an item again even when nobody sends it again.
 * <p>
 * Many items are often accepted in one transaction (a batch of webhooks, a polled page). The receipts are written
 * when the transaction commits, not one flush per item: with deferred change detection every flush compares every
 * object the transaction holds, so flushing per item made a batch's cost grow with the square of its size (#10).
 * The look-up of an external id therefore reads the database without flushing, and the transaction remembers the
 * ids it has accepted itself, so that an item repeated within one transaction is still answered as a duplicate.
 * A caller with many items looks their ids up in one query first ({@link #lookUp}).
 */
@ApplicationScoped
public class Inbound {

    static final int MAX_EXTERNAL_ID = 400;
    /** How old an unprocessed receipt must be before its item, sent again, is queued again. */
    static final java.time.Duration RESEND_AFTER = java.time.Duration.ofSeconds(30);
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Inbound.class.getName());
    /** The source "connector" of events published by HMS components (not a registered connector). */
    public static final long PUBLISHERS = 0;

    @Inject
    org.hms.hub.platform.security.CurrentCaller caller;

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    TenantContext tenant;

    @Inject
    WorkQueues queues;

    @Inject
    EventPublisher events;

    @Inject
    InboundRoutes routes;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The key under which a transaction keeps what it knows of external ids ({@link Known}). */
    private static final Object KNOWN_HERE = new Object();

    /**
     * What the current transaction knows of external ids (by connector and id): the receipts it accepted itself,
     * and the answers of {@link #lookUp} — a receipt, or none.
     */
    private static final class Known {
        final Map<String, Accepted> accepted = new HashMap<>();
        final Map<String, Optional<InboundReceipt>> lookedUp = new HashMap<>();
    }

    public record Accepted(String receiptId, boolean duplicate, OffsetDateTime receivedAt) {
    }

    /**
     * Receipts and enqueues an item of the current tenant. When the same item is being accepted concurrently the
     * unique key fails this transaction when it commits (a persistence or transactional exception); the caller then
     * finds it with {@link #existing}.
     *
     * @param parsed the body as JSON (already checked by the caller)
     */
    @Transactional
    public Accepted accept(long connectorId, Source source, String externalId, String body, JsonValue parsed,
                           InboundShape shape, String syncJobId) {
        String external = externalId(externalId);
        Known here = knownHere();
        String key = key(connectorId, external);
        Accepted before = here.accepted.get(key);
        if (before != null) {
            return new Accepted(before.receiptId(), true, before.receivedAt());
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Optional<InboundReceipt> known = here.lookedUp.remove(key);
        if (known == null) {
            // what this transaction has accepted is in here.accepted: no flush of it is needed for this look-up
            known = tenancy.bind(em).createNamedQuery(InboundReceipt.BY_EXTERNAL_ID, InboundReceipt.class)
                    .setParameter("connectorId", connectorId).setParameter("externalId", external)
                    .setFlushMode(FlushModeType.COMMIT).getResultStream().findFirst();
        }
        if (known.isPresent()) {
            InboundReceipt r = known.get();
            if (r.state() == InboundReceipt.State.RECEIVED && r.payloadSha256().equals(sha256(bytes))
                    && r.receivedAt().isBefore(OffsetDateTime.now(ZoneOffset.UTC).minus(RESEND_AFTER))) {
                // Sent again and still not processed: its message may have been lost with a commit a crash split
                // (the item's only copy). Queue it again; the fan-out goes by the receipt's state, so a second
                // message for a receipt processed meanwhile does nothing.
                LOG.warning(() -> "Receipt " + r.id() + " of connector " + connectorId + " was still unprocessed when "
                        + "its item came again; queued again");
                queue(connectorId, source, r.id(), r.entityKey(), syncJobId, body);
                r.enqueued();
            }
            here.accepted.put(key, new Accepted(r.id(), true, r.receivedAt()));
            return new Accepted(r.id(), true, r.receivedAt());
        }
        String eventType = null;
        String entityKey = null;
        boolean readable = false;
        try {
            InboundShape.Read read = shape.read(parsed);
            eventType = read.eventType();
            entityKey = read.entityKey();
            readable = true;
        } catch (IllegalArgumentException e) {
            // processed (and dead-lettered with the reason) by the fan-out, where it can be reviewed
        }
        InboundReceipt receipt = new InboundReceipt(connectorId, source, external, eventType, entityKey,
                sha256(bytes), bytes.length, syncJobId, body);
        tenancy.bind(em).persist(receipt);
        here.accepted.put(key, new Accepted(receipt.id(), false, receipt.receivedAt()));
        InboundRoutes.Route claimed = readable && connectorId != PUBLISHERS
                ? routes.route(tenant.current(), connectorId) : null;
        if (claimed != null) {
            // Claimed by another module (order sync): straight to its queue, in this transaction, without the
            // fan-out's hop. The receipt stays unprocessed (keeping the payload) until the claiming module's
            // transaction marks it processed (Outbox.processed), so a message a crash lost is queued again.
            handOver(claimed, connectorId, receipt.id(), eventType, entityKey != null ? entityKey : receipt.id(),
                    receipt.receivedAt(), body);
        } else {
            queue(connectorId, source, receipt.id(), entityKey, syncJobId, body);
        }
        if (source == Source.EVENT) {
            events.publish(SyncEvent.of(tenant.current(), "EventReceived", caller.actor(), connectorId, "Receipt",
                    receipt.id(), "success", null, Map.of("externalId", external, "eventType",
                            eventType == null ? "" : eventType, "payloadSha256", receipt.payloadSha256())));
        } else if (source == Source.WEBHOOK) {
            events.publish(SyncEvent.of(tenant.current(), "WebhookReceived", "connector:" + connectorId, connectorId,
                    "Receipt", receipt.id(), "success", null, Map.of("externalId", external, "eventType",
                            eventType == null ? "" : eventType, "payloadSha256", receipt.payloadSha256(),
                            "bytes", Integer.toString(bytes.length))));
        }
        return new Accepted(receipt.id(), false, receipt.receivedAt());
    }

    /**
     * Looks up, in one query, which of the connector's external ids have a receipt, for the items the current
     * transaction is about to {@link #accept}: each of them then needs no look-up of its own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lookUp(long connectorId, java.util.Collection<String> externalIds) {
        Known here = knownHere();
        java.util.List<String> ids = externalIds.stream().map(Inbound::externalId).distinct()
                .filter(id -> !here.accepted.containsKey(key(connectorId, id))).toList();
        for (int from = 0; from < ids.size(); from += LOOK_UP_PER_QUERY) {
            java.util.List<String> part = ids.subList(from, Math.min(ids.size(), from + LOOK_UP_PER_QUERY));
            for (String id : part) {
                here.lookedUp.put(key(connectorId, id), Optional.empty());
            }
            for (InboundReceipt r : tenancy.bind(em).createNamedQuery(InboundReceipt.BY_EXTERNAL_IDS,
                            InboundReceipt.class).setParameter("connectorId", connectorId).setParameter("externalIds", part)
                    .setFlushMode(FlushModeType.COMMIT).getResultList()) {
                here.lookedUp.put(key(connectorId, r.externalId()), Optional.of(r));
            }
        }
    }

    /** The most ids in one {@code IN} list of {@link #lookUp}. */
    private static final int LOOK_UP_PER_QUERY = 500;

    private static String key(long connectorId, String external) {
        return connectorId + " " + external;
    }

    /** What the current transaction knows of external ids (receipts it accepted are written when it commits). */
    private Known knownHere() {
        Known known = (Known) transactions.getResource(KNOWN_HERE);
        if (known == null) {
            known = new Known();
            transactions.putResource(KNOWN_HERE, known);
        }
        return known;
    }

    /**
     * Sends an item to the module that claims its connector's items (on the queue its route names, grouped by
     * connector and entity so that one entity's items are taken in order), in the current transaction.
     */
    void handOver(InboundRoutes.Route route, long connectorId, String receiptId, String eventType, String entityKey,
                  OffsetDateTime receivedAt, String body) {
        queues.send(route.address(), tenant.current(), "c" + connectorId + ":" + entityKey, body, Map.of(
                Jms.PROP_CONNECTOR, Long.toString(connectorId), Jms.PROP_RECEIPT, receiptId,
                "eventType", eventType == null ? "" : eventType, "receivedAt", receivedAt.toString()));
    }

    private void queue(long connectorId, Source source, String receiptId, String entityKey, String syncJobId,
                       String body) {
        Map<String, String> properties = new HashMap<>();
        properties.put(Jms.PROP_CONNECTOR, Long.toString(connectorId));
        properties.put(Jms.PROP_RECEIPT, receiptId);
        properties.put(Jms.PROP_SOURCE, source.name());
        properties.put(Jms.PROP_SYNC_JOB, syncJobId);
        queues.inbound(tenant.current(), "c" + connectorId + ":" + (entityKey != null ? entityKey : receiptId), body,
                properties);
    }

    /**
     * Queues an accepted item again from its receipt when it is still unprocessed (its message may have been lost
     * with a commit a stop or crash split; a second message for it does no harm: the fan-out goes by the
     * receipt's state). For the sweeper, in the receipt's tenant.
     *
     * @return whether it was queued
     */
    @Transactional
    public boolean requeue(String receiptId) {
        InboundReceipt r = tenancy.bind(em).find(InboundReceipt.class, receiptId);
        if (r == null || r.state() != InboundReceipt.State.RECEIVED || r.pendingPayload() == null) {
            return false;
        }
        queue(r.connectorId(), r.source(), r.id(), r.entityKey(), r.syncJobId(), r.pendingPayload());
        r.enqueued();
        return true;
    }

    @Transactional
    public Optional<Accepted> existing(long connectorId, String externalId) {
        return find(connectorId, externalId(externalId));
    }

    private Optional<Accepted> find(long connectorId, String external) {
        return tenancy.bind(em).createNamedQuery(InboundReceipt.BY_EXTERNAL_ID, InboundReceipt.class)
                .setParameter("connectorId", connectorId).setParameter("externalId", external).getResultStream()
                .findFirst().map(r -> new Accepted(r.id(), true, r.receivedAt()));
    }

    /** External ids longer than the column are kept as their digest. */
    static String externalId(String id) {
        return id.length() <= MAX_EXTERNAL_ID ? id : "sha256:" + sha256(id.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        return org.hms.hub.platform.security.Digests.sha256(bytes);
    }
}
