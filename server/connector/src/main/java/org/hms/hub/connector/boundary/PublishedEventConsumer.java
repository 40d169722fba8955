package org.hms.hub.connector.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.Map;
import org.hms.hub.connector.control.events.EventIntake;
import org.hms.hub.connector.control.inbound.Inbound;
import org.hms.hub.connector.control.inbound.InboundShape;
import org.hms.hub.connector.entity.InboundReceipt;
import org.hms.hub.model.sync.DeadLetterReason;
import org.hms.hub.model.sync.EventRequest;
import org.hms.hub.platform.json.Json;
import org.hms.hub.platform.messaging.Jms;
import org.hms.hub.platform.problem.InvalidFields;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * Event intake for publishers inside the hospital network: a JSON {@link EventRequest} as a text message on
 * {@code hub.publish}, with the string properties {@code tenant} and {@code publisher}. The same checks as
 * {@code POST /api/events}; a message that fails them becomes a dead letter (INVALID_PAYLOAD, connector 0) with
 * the field messages, consumed in the same transaction. (The broker's own access control decides who may send.)
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Jms.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Jms.PUBLISH_ADDRESS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
public class PublishedEventConsumer implements MessageListener {

    @Inject
    EventIntake intake;

    @Inject
    Inbound inbound;

    @Inject
    org.hms.hub.connector.control.inbound.InboundDeadLetters deadLetters;

    @Inject
    TenantContext tenant;

    @Inject
    org.hms.hub.platform.identity.control.ActiveTenants tenants;


    @Override
    public void onMessage(Message message) {
        try {
            String tenantId = message.getStringProperty(Jms.PROP_TENANT);
            String publisher = message.getStringProperty("publisher");
            String body = message instanceof TextMessage text ? text.getText() : null;
            if (tenantId == null || !tenants.isActive(tenantId)) {
                throw new IllegalStateException("A message on " + Jms.PUBLISH_ADDRESS + " names no active tenant ("
                        + tenantId + "); it goes to the broker's dead-letter address");
            }
            tenant.set(tenantId);
            EventRequest request;
            EventIntake.Prepared prepared;
            try {
                request = Json.JSONB.fromJson(body, EventRequest.class);
                prepared = intake.prepare(request);
            } catch (InvalidFields.Failed e) {
                dead(body, e.errors().stream().map(f -> f.field() + ": " + f.message())
                        .collect(java.util.stream.Collectors.joining("; ")), message.getJMSMessageID());
                return;
            } catch (RuntimeException e) {
                dead(body, "The message is not an event request: " + e.getMessage(), message.getJMSMessageID());
                return;
            }
            inbound.accept(Inbound.PUBLISHERS, InboundReceipt.Source.EVENT, "event:" + (publisher == null ? "jms"
                    : publisher) + ":" + request.idempotencyKey(), prepared.body(), prepared.parsed(),
                    InboundShape.PUBLISHED, null);
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable message on " + Jms.PUBLISH_ADDRESS + ": " + e.getMessage(), e);
        }
    }

    private void dead(String body, String error, String messageId) {
        deadLetters.record(Inbound.PUBLISHERS, null, null, null, DeadLetterReason.INVALID_PAYLOAD, error, 1,
                Map.of("jmsMessageId", messageId == null ? "" : messageId), body, "system");
    }
}
