package org.hms.hub.connector.control.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hms.hub.connector.control.ConnectorViews;
import org.hms.hub.connector.control.delivery.DeliveryStore;
import org.hms.hub.connector.entity.Connector;
import org.hms.hub.connector.entity.Delivery;
import org.hms.hub.connector.entity.InboundReceipt;
import org.hms.hub.connector.entity.Subscription;
import org.hms.hub.model.sync.DeadLetterReason;
import org.hms.hub.platform.json.Json;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;
import org.hms.hub.platform.transform.PayloadTransformer;

/**
 * Processes one inbound item (seed 004's fan-out): reads its event type, payload and entity key, and creates one
 * delivery for every enabled subscription to that type — transformed by the subscription's mapping when it
 * names one — in one transaction with the receipt's change of state. Each subscriber then succeeds, retries and
 * dead-letters on its own. An item that cannot be read, or a payload a mapping cannot transform, becomes a dead
 * letter with the reason; nothing is dropped.
 */
@ApplicationScoped
public class FanOut {

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    TenantContext tenant;

    @Inject
    DeliveryStore deliveries;

    @Inject
    PayloadTransformer transformer;

    @Inject
    InboundDeadLetters inboundDeadLetters;

    @Inject
    org.hms.hub.platform.sync.InboundRoutes routes;

    @Inject
    Inbound inbound;

    /** An inbound item as it came off {@code hub.inbound}. */
    public record Item(long connectorId, String receiptId, String body) {
    }

    /**
     * Processes items of one tenant, in their order, in one transaction of their own: their deliveries, their
     * receipts' new states and what they send commit together, or none of them does. The transaction ends after the
     * item with which its deliveries reach {@value #MAX_DELIVERIES} or their payloads {@value #MAX_PAYLOAD_CHARS}
     * characters (a wide fan-out multiplies an item), so that one transaction holds no more than that in memory.
     * <p>
     * The items' receipts are read in one query, and each event type's subscriptions once per transaction: a query
     * per item, each flushing what the transaction had written so far, made a batch's cost grow with the square of
     * its size (#10).
     *
     * @return how many of the items, from the first, were processed; the caller passes the rest again
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int processAll(String tenantId, List<Item> items) {
        tenant.set(tenantId);
        Map<String, InboundReceipt> receipts = receipts(items);
        Map<String, List<Subscription>> subscriptions = new HashMap<>();
        int deliveries = 0;
        long chars = 0;
        int done = 0;
        for (Item item : items) {
            Weight weight = apply(item.connectorId(), item.receiptId(), item.body(), receipts, subscriptions);
            done++;
            deliveries += weight.deliveries();
            chars += weight.chars();
            if (deliveries >= MAX_DELIVERIES || chars >= MAX_PAYLOAD_CHARS) {
                break;
            }
        }
        return done;
    }

    /** At most about this many deliveries, or characters of their payloads, in one transaction of {@link #processAll}. */
    public static final int MAX_DELIVERIES = 1000;
    static final long MAX_PAYLOAD_CHARS = 16L * 1024 * 1024;

    /** What processing an item made: deliveries (or a hand-over) and the characters of their payloads. */
    private record Weight(int deliveries, long chars) {
        static final Weight NONE = new Weight(0, 0);
    }

    /** The items' receipts (of the current tenant) that exist, by id, read in one query and managed from then on. */
    private Map<String, InboundReceipt> receipts(List<Item> items) {
        Map<String, InboundReceipt> found = new HashMap<>();
        List<String> ids = items.stream().map(Item::receiptId).distinct().toList();
        for (int from = 0; from < ids.size(); from += RECEIPTS_PER_QUERY) {
            for (InboundReceipt r : tenancy.bind(em).createNamedQuery(InboundReceipt.BY_IDS, InboundReceipt.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + RECEIPTS_PER_QUERY)))
                    .setFlushMode(FlushModeType.COMMIT).getResultList()) {
                found.put(r.id(), r);
            }
        }
        return found;
    }

    /** The most ids in one {@code IN} list. */
    private static final int RECEIPTS_PER_QUERY = 500;

    private Weight apply(long connectorId, String receiptId, String body, Map<String, InboundReceipt> receipts,
                         Map<String, List<Subscription>> subscriptions) {
        InboundReceipt receipt = receipts.get(receiptId);
        if (receipt == null) {
            // With two-phase commit the message can arrive before the receipt is visible: roll back, and the
            // broker delivers it again after its redelivery delay (ten times, then hub.dlq and a dead letter).
            throw new IllegalStateException("Receipt " + receiptId + " of connector " + connectorId
                    + " is not visible yet; the message will be redelivered");
        }
        org.hms.hub.platform.sync.InboundRoutes.Route claimed = connectorId == Inbound.PUBLISHERS ? null
                : routes.route(tenant.current(), connectorId);
        if (receipt.state() != InboundReceipt.State.RECEIVED) {
            if (receipt.state() == InboundReceipt.State.PROCESSED && claimed != null) {
                // Delivered again although processed: the transaction that processed it committed here but its
                // broker part was rolled back (a stop split the commit), and with it the message to the claiming
                // module. Send that on again; the claiming module applies an item once.
                java.util.logging.Logger.getLogger(FanOut.class.getName()).warning(() -> "Receipt " + receiptId
                        + " was processed but delivered again; sent on to " + claimed.address() + " again");
                route(claimed, connectorId, receipt, receipt.eventType(), receipt.entityKey() != null
                        ? receipt.entityKey() : receipt.id(), body);
                return new Weight(1, body.length());
            }
            return Weight.NONE; // redelivered after it was processed: its deliveries are in the database, swept if stranded
        }
        Connector source = connectorId == Inbound.PUBLISHERS ? null : em.find(Connector.class, connectorId);
        InboundShape shape = connectorId == Inbound.PUBLISHERS ? InboundShape.PUBLISHED : source == null
                ? InboundShape.DEFAULT : InboundShape.of(ConnectorViews.config(source.settings()));
        InboundShape.Read read;
        try {
            read = shape.read(parse(body));
        } catch (IllegalArgumentException | jakarta.json.JsonException e) {
            receipt.failed();
            inboundDead(connectorId, receipt.id(), null, null, DeadLetterReason.INVALID_PAYLOAD,
                    "The item cannot be processed: " + e.getMessage(), Map.of("receiptId", receipt.id()), body);
            return new Weight(1, body.length());
        }
        String entityKey = read.entityKey() != null ? read.entityKey() : receipt.id();
        if (claimed != null) {
            // Claimed by another module (order sync): the item goes on to its queue, in this transaction.
            route(claimed, connectorId, receipt, read.eventType(), entityKey, body);
            receipt.processed(read.eventType(), entityKey, 0);
            return new Weight(1, body.length());
        }
        String payload = read.payload().toString();
        int created = fanOut(connectorId, receipt.id(), read.eventType(), payload, entityKey,
                receipt.syncJobId(), subscriptions.computeIfAbsent(read.eventType(), this::subscribers), null);
        receipt.processed(read.eventType(), entityKey, created);
        deliveries.synced(connectorId);
        return new Weight(created, (long) created * payload.length());
    }

    private void route(org.hms.hub.platform.sync.InboundRoutes.Route route, long connectorId, InboundReceipt receipt,
                       String eventType, String entityKey, String body) {
        inbound.handOver(route, connectorId, receipt.id(), eventType, entityKey, receipt.receivedAt(), body);
    }

    /**
     * One delivery per enabled subscriber of the event type (the source connector excluded), or only for the
     * subscription {@code only}. Idempotent: a subscriber that has this item's delivery already gets no second.
     *
     * @return how many deliveries were created
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int fanOut(long sourceConnectorId, String receiptId, String eventType, String payload, String entityKey,
                      String syncJobId, Long only) {
        return fanOut(sourceConnectorId, receiptId, eventType, payload, entityKey, syncJobId, subscribers(eventType),
                only);
    }

    /**
     * The enabled subscriptions to the event type. Nothing the fan-out writes changes them, so the query does not
     * flush the transaction first.
     */
    private List<Subscription> subscribers(String eventType) {
        return tenancy.bind(em).createNamedQuery(Subscription.FOR_TYPE, Subscription.class)
                .setParameter("eventType", eventType).setFlushMode(FlushModeType.COMMIT).getResultList();
    }

    private int fanOut(long sourceConnectorId, String receiptId, String eventType, String payload, String entityKey,
                       String syncJobId, List<Subscription> subscribers, Long only) {
        int created = 0;
        for (Subscription s : subscribers) {
            if (s.connectorId() == sourceConnectorId || (only != null && s.id() != only)) {
                continue;
            }
            String key = receiptId + ":" + s.id();
            // Deliveries made earlier in this transaction are not flushed, so this sees only committed ones; the
            // key cannot repeat within a transaction (an item's receipt is PROCESSED after its first fan-out, and a
            // replay fans out once), and the key's unique constraint would fail the commit if it did.
            boolean exists = em.createNamedQuery(Delivery.BY_KEY, Delivery.class).setParameter("connectorId",
                    s.connectorId()).setParameter("key", key).setFlushMode(FlushModeType.COMMIT).getResultStream()
                    .findAny().isPresent();
            if (exists) {
                continue;
            }
            String out = payload;
            if (s.mappingId() != null) {
                PayloadTransformer.Result result = transformer.transform(s.mappingId(), payload);
                if (!result.ok()) {
                    inboundDead(s.connectorId(), receiptId, eventType, entityKey, DeadLetterReason.MAPPING_FAILED,
                            "Mapping " + s.mappingId() + " failed: " + String.join("; ", result.errors()),
                            Map.of("receiptId", receiptId, "subscriptionId", Long.toString(s.id()),
                                    "sourceConnectorId", Long.toString(sourceConnectorId)), payload);
                    continue;
                }
                out = result.output();
            }
            deliveries.create(new Delivery(s.connectorId(), s.id(), receiptId, syncJobId, eventType, entityKey, key,
                    s.method(), s.path(), out));
            created++;
        }
        return created;
    }

    private void inboundDead(long connectorId, String receiptId, String eventType, String entityKey,
                             DeadLetterReason reason, String error, Map<String, String> headers, String payload) {
        inboundDeadLetters.record(connectorId, receiptId, eventType, entityKey, reason, error, 1, headers, payload,
                "system");
    }

    public static JsonValue parse(String body) {
        try (var reader = org.hms.hub.platform.json.Json.JSONP.createReader(new StringReader(body))) {
            return reader.readValue();
        }
    }
}
