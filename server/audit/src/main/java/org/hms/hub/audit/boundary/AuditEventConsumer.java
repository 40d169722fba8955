package org.hms.hub.audit.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.logging.Logger;
import org.hms.hub.audit.control.AuditTrail;
import org.hms.hub.audit.entity.AuditEntry;
import org.hms.hub.platform.messaging.Jms;

/**
 * Records every event published on {@code hub.events}, through a durable subscription, so events sent while
 * the hub was down are recorded when it is back. The entry and the acknowledgement commit together. One session:
 * entries are chained in the order events were committed.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Jms.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Jms.EVENTS_ADDRESS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "hub-audit"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "hub-audit"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
public class AuditEventConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(AuditEventConsumer.class.getName());

    @Inject
    AuditTrail trail;

    @Inject
    org.hms.hub.platform.tenancy.TenantContext tenantContext;

    @Override
    public void onMessage(Message message) {
        try {
            UUID eventId = UUID.fromString(message.getStringProperty(Jms.PROP_EVENT_ID));
            String type = message.getStringProperty(Jms.PROP_TYPE);
            String tenant = message.getStringProperty(Jms.PROP_TENANT);
            String correlationId = message.getStringProperty(Jms.PROP_CORRELATION_ID);
            String body = message instanceof TextMessage text ? text.getText() : null;
            JsonObject json = parse(body);
            OffsetDateTime occurredAt = occurredAt(json, message.getJMSTimestamp());
            String actor = json != null && json.get("actor") instanceof jakarta.json.JsonString s ? s.getString() : "system";
            tenantContext.set(tenant);
            AuditEntry entry = new AuditEntry(eventId, tenant, type, actor, correlationId, occurredAt,
                org.hms.hub.audit.control.EventFacts.of(type, json));
            if (!trail.record(entry)) {
                LOG.fine(() -> "Event " + eventId + " was recorded already; redelivery ignored");
            }
        } catch (JMSException | IllegalArgumentException | NullPointerException | jakarta.json.JsonException
                 | java.time.DateTimeException e) {
            // A message without the event properties cannot be audited; refusing it would only loop it
            // through redelivery into the dead-letter address, which is where it belongs.
            throw new IllegalStateException("Malformed event message: " + e.getMessage(), e);
        }
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
