package org.hms.hub.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.hms.hub.audit.entity.AuditEntry;
import org.hms.hub.platform.messaging.Jms;
import org.hms.hub.platform.messaging.TransactedJms;

/**
 * Takes published events off the audit trail's subscription to {@code hub.events} in batches, in the order the
 * broker holds them, and records them: each tenant's entries of a batch in one transaction, before the messages are
 * acknowledged (one commit per batch and tenant, not a two-phase commit per event). A failure rolls the batch back
 * and the broker delivers its messages again (after its redelivery delay); an event recorded already is not recorded
 * twice. A message that is not an event (no event id, tenant or type; a body that is not JSON) goes to
 * the dead-letter address at once, where it is logged.
 */
@ApplicationScoped
public class AuditIntake {

    private static final Logger LOG = Logger.getLogger(AuditIntake.class.getName());
    /** How long the first event of a batch, and each further one, is waited for. */
    static final long FIRST_WAIT_MILLIS = 100;
    static final long NEXT_WAIT_MILLIS = 20;

    @Inject
    TransactedJms broker;

    @Inject
    AuditTrail trail;

    /**
     * Records the next batch, of at most {@code max} events; returns how many messages it took (0: none waiting).
     * The messages are taken in this transaction; each tenant's entries are appended in a transaction of their own
     * (one tenant per persistence context), committed before the messages are acknowledged — a failure in between
     * delivers them again, and the entries made already are not made twice.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int takeBatch(int max) throws JMSException {
        Map<String, List<AuditEntry>> byTenant = new LinkedHashMap<>();
        int taken = 0;
        JMSContext jms = broker.context();
        try (JMSConsumer consumer = jms.createConsumer(jms.createQueue(Jms.AUDIT_QUEUE_FQQN))) {
            for (Message message = consumer.receive(FIRST_WAIT_MILLIS); message != null;
                 message = taken < max ? consumer.receive(NEXT_WAIT_MILLIS) : null) {
                taken++;
                try {
                    AuditEntry entry = entry(message);
                    byTenant.computeIfAbsent(entry.tenant(), t -> new ArrayList<>()).add(entry);
                } catch (JMSException | RuntimeException e) {
                    LOG.severe(() -> "A message on the audit subscription is not an event and cannot be audited ("
                            + e.getMessage() + "); it goes to " + Jms.DEAD_LETTER_ADDRESS);
                    broker.forward(jms.createQueue(Jms.DEAD_LETTER_ADDRESS), message);
                }
            }
            for (Map.Entry<String, List<AuditEntry>> tenant : byTenant.entrySet()) {
                trail.recordAlone(tenant.getKey(), tenant.getValue());
            }
        }
        return taken;
    }

    /** The audit entry an event message describes. */
    static AuditEntry entry(Message message) throws JMSException {
        UUID eventId = UUID.fromString(Jms.requiredProperty(message, Jms.PROP_EVENT_ID));
        String type = Jms.requiredProperty(message, Jms.PROP_TYPE);
        String tenant = Jms.requiredProperty(message, Jms.PROP_TENANT);
        String correlationId = message.getStringProperty(Jms.PROP_CORRELATION_ID);
        JsonObject json = parse(message instanceof TextMessage text ? text.getText() : null);
        OffsetDateTime occurredAt = occurredAt(json, message.getJMSTimestamp());
        String actor = json != null && json.get("actor") instanceof jakarta.json.JsonString s ? s.getString()
                : "system";
        return new AuditEntry(eventId, tenant, type, actor, correlationId, occurredAt, EventFacts.of(type, json));
    }

    private static JsonObject parse(String body) {
        if (body == null) {
            return null;
        }
        try (JsonReader reader = org.hms.hub.platform.json.Json.JSONP.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** The event's own time ({@code occurredAt} in its body), or the time it was sent when the body has none. */
    private static OffsetDateTime occurredAt(JsonObject json, long sentMillis) {
        String value = json != null ? json.getString("occurredAt", null) : null;
        return value != null ? OffsetDateTime.parse(value)
                : OffsetDateTime.ofInstant(Instant.ofEpochMilli(sentMillis), ZoneOffset.UTC);
    }
}
