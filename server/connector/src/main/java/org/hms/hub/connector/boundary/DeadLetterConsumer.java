package org.hms.hub.connector.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;
import org.hms.hub.connector.control.DeadLetters;
import org.hms.hub.platform.messaging.Jms;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * Records what the broker gave up on (the dead-letter address {@code hub.dlq}, after ten failed deliveries of a
 * message to the hub's own consumers) as an UNPROCESSABLE dead letter of its connector, for review and replay.
 * Delivery messages carry no payload (the delivery row does; the sweeper picks those up), and event messages
 * without a connector are logged.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Jms.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Jms.DEAD_LETTER_ADDRESS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
public class DeadLetterConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DeadLetterConsumer.class.getName());

    @Inject
    DeadLetters deadLetters;

    @Inject
    TenantContext tenant;

    @Override
    public void onMessage(Message message) {
        try {
            String tenantId = message.getStringProperty(Jms.PROP_TENANT);
            String connector = message.getStringProperty(Jms.PROP_CONNECTOR);
            String body = message instanceof TextMessage text ? text.getText() : "";
            if (tenantId == null || connector == null || message.getStringProperty(Jms.PROP_DELIVERY) != null) {
                LOG.severe(() -> "The broker gave up on a message the hub cannot attribute to a connector (type "
                        + safe(message, Jms.PROP_TYPE) + ", event " + safe(message, Jms.PROP_EVENT_ID) + ", delivery "
                        + safe(message, Jms.PROP_DELIVERY) + "); it stays in " + Jms.DEAD_LETTER_ADDRESS
                        + " only as this log line");
                return;
            }
            tenant.set(tenantId);
            deadLetters.unprocessable(Long.parseLong(connector), message.getStringProperty(Jms.PROP_RECEIPT), body,
                    "The hub failed to process this inbound item on every attempt; the server log around "
                            + java.time.Instant.ofEpochMilli(message.getJMSTimestamp()) + " has the cause.");
        } catch (JMSException | NumberFormatException e) {
            throw new IllegalStateException("Unreadable dead-lettered message: " + e.getMessage(), e);
        }
    }

    private static String safe(Message m, String property) {
        try {
            return m.getStringProperty(property);
        } catch (JMSException e) {
            return "?";
        }
    }
}
