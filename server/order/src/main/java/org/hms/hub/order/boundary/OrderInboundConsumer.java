package org.hms.hub.order.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.time.OffsetDateTime;
import org.hms.hub.order.control.OrderSync;
import org.hms.hub.platform.messaging.Jms;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * Takes the inbound items of the order integrations' connectors off {@code hub.orders} (the sync engine routes
 * them here instead of fanning them out) and applies them. The cross-reference, the deliveries it queues and
 * the acknowledgement commit together; a failure rolls all back and the broker redelivers (after ten attempts the
 * message goes to {@code hub.dlq} and becomes an UNPROCESSABLE dead letter that can be replayed).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Jms.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Jms.ORDERS_ADDRESS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
public class OrderInboundConsumer implements MessageListener {

    @Inject
    OrderSync sync;

    @Inject
    TenantContext tenant;

    @Override
    public void onMessage(Message message) {
        try {
            tenant.set(message.getStringProperty(Jms.PROP_TENANT));
            long connectorId = Long.parseLong(message.getStringProperty(Jms.PROP_CONNECTOR));
            String receiptId = message.getStringProperty(Jms.PROP_RECEIPT);
            String receivedAt = message.getStringProperty("receivedAt");
            String body = message instanceof TextMessage text ? text.getText() : null;
            if (body == null) {
                throw new IllegalStateException("An order message without a text body");
            }
            sync.inbound(connectorId, receiptId, receivedAt == null ? null : OffsetDateTime.parse(receivedAt), body);
        } catch (JMSException | NumberFormatException e) {
            throw new IllegalStateException("Malformed order message: " + e.getMessage(), e);
        }
    }
}
