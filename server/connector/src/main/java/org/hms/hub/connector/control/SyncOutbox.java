package org.hms.hub.connector.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.hms.hub.connector.control.delivery.DeliveryStore;
import org.hms.hub.connector.control.inbound.InboundDeadLetters;
import org.hms.hub.connector.control.outbound.OutboundClient;
import org.hms.hub.connector.control.outbound.OutboundException;
import org.hms.hub.connector.control.outbound.ResolvedConnector;
import org.hms.hub.connector.entity.Connector;
import org.hms.hub.connector.entity.Delivery;
import org.hms.hub.connector.entity.InboundReceipt;
import org.hms.hub.model.sync.DeadLetterReason;
import org.hms.hub.platform.json.Json;
import org.hms.hub.platform.problem.ProblemException;
import org.hms.hub.platform.sync.OutboundResult;
import org.hms.hub.platform.sync.Outbox;
import org.hms.hub.platform.sync.OutboundRequest;
import org.hms.hub.platform.tenancy.Tenancy;

/** The sync engine's services for other modules ({@link Outbox}), in the current tenant. */
@ApplicationScoped
public class SyncOutbox implements Outbox {

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    DeliveryStore deliveries;

    @Inject
    InboundDeadLetters inboundDeadLetters;

    @Inject
    ConnectorRegistry registry;

    @Inject
    OutboundClient client;

    /** Idempotent on (connector, idempotency key): asking twice gives the first delivery's id. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long enqueue(OutboundRequest r) {
        java.util.Optional<Delivery> existing = tenancy.bind(em).createNamedQuery(Delivery.BY_KEY, Delivery.class)
                .setParameter("connectorId", r.connectorId()).setParameter("key", r.idempotencyKey())
                .getResultStream().findFirst();
        if (existing.isPresent()) {
            return existing.get().id();
        }
        Delivery d = new Delivery(r.connectorId(), null, null, null, r.eventType(), r.entityKey(), r.idempotencyKey(),
                r.method(), r.path(), r.payload() == null ? "" : r.payload())
                .requestedBy(r.lookup() == null ? null : Json.JSONB.toJson(r.lookup()), r.resultPointer(), r.replyTo(),
                        r.reference(), r.holdKey());
        return deliveries.create(d).id();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public int release(String holdKey) {
        return deliveries.release(holdKey);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long deadLetter(long connectorId, String receiptId, String eventType, String entityKey, String reason,
                           String error, String payload) {
        return inboundDeadLetters.record(connectorId, receiptId, eventType, entityKey, DeadLetterReason.valueOf(reason),
                error, 1, receiptId == null ? Map.of() : Map.of("receiptId", receiptId), payload, "system").id();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void processed(String receiptId) {
        InboundReceipt receipt = tenancy.bind(em).find(InboundReceipt.class, receiptId);
        if (receipt != null && receipt.state() == InboundReceipt.State.RECEIVED) {
            receipt.takenOver();
        }
    }

    @Override
    public String fetch(long connectorId, String pathAndQuery) throws FetchException {
        ResolvedConnector c;
        try {
            c = registry.resolve(connectorId);
        } catch (ProblemException e) {
            throw new FetchException(null, e.getMessage());
        }
        try {
            OutboundClient.Answer answer = client.call(c, "GET",
                    org.hms.hub.connector.control.delivery.DeliverySender.target(c, pathAndQuery), null, null,
                    Map.of("Accept", "application/json"));
            if (answer.status() < 200 || answer.status() >= 300) {
                throw new FetchException(answer.status(), "GET " + pathAndQuery + " from " + c.name() + " answered HTTP "
                        + answer.status());
            }
            return answer.body();
        } catch (OutboundException e) {
            throw new FetchException(null, "GET " + pathAndQuery + " from " + c.name() + ": " + e.getMessage());
        }
    }

    @Override
    @Transactional
    public Map<String, String> outcome(long deliveryId) {
        Delivery d = tenancy.bind(em).find(Delivery.class, deliveryId);
        if (d == null) {
            return null;
        }
        return switch (d.state()) {
            case DELIVERED -> DeliveryStore.result(d, OutboundResult.DELIVERED, d.lastStatus(), null, null);
            case DEAD -> DeliveryStore.result(d, OutboundResult.DEAD, d.lastStatus(), d.lastError(),
                    em.createQuery("SELECT l.id FROM DeadLetter l WHERE l.deliveryId = :deliveryId ORDER BY l.id DESC",
                            Long.class).setParameter("deliveryId", deliveryId).setMaxResults(1).getResultStream()
                            .findFirst().orElse(null));
            default -> null;
        };
    }

    @Override
    @Transactional
    public boolean connectorExists(long connectorId) {
        return tenancy.bind(em).find(Connector.class, connectorId) != null;
    }
}
