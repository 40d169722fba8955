package org.hms.hub.connector.control.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import org.hms.hub.connector.entity.DeadLetter;
import org.hms.hub.model.event.SyncEvent;
import org.hms.hub.model.sync.DeadLetterReason;
import org.hms.hub.platform.json.Json;
import org.hms.hub.platform.messaging.EventPublisher;
import org.hms.hub.platform.tenancy.Tenancy;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * Records an inbound item the hub cannot process — unreadable, failing its schema or its mapping, given up on by
 * the broker — as a dead letter of kind INBOUND, with an {@code InboundRejected} event, in the caller's
 * transaction.
 */
@ApplicationScoped
public class InboundDeadLetters {

    @PersistenceContext(unitName = "connector")
    EntityManager em;

    @Inject
    Tenancy tenancy;

    @Inject
    TenantContext tenant;

    @Inject
    EventPublisher events;

    @Transactional(Transactional.TxType.MANDATORY)
    public DeadLetter record(long connectorId, String receiptId, String eventType, String entityKey,
                             DeadLetterReason reason, String error, int attempts, Map<String, String> headers,
                             String payload, String actor) {
        DeadLetter letter = new DeadLetter(connectorId, DeadLetter.Kind.INBOUND, null, receiptId, eventType, entityKey,
                reason, error, null, attempts, Json.JSONB.toJson(headers), payload == null ? "" : payload);
        tenancy.bind(em).persist(letter);
        em.flush();
        Map<String, String> details = new HashMap<>();
        details.put("reason", reason.name());
        details.put("receiptId", receiptId);
        events.publish(SyncEvent.of(tenant.current(), "InboundRejected", actor, connectorId, "DeadLetter",
                Long.toString(letter.id()), "failure", error, details));
        return letter;
    }
}
