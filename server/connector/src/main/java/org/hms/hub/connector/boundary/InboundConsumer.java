package org.hms.hub.connector.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.hms.hub.connector.control.inbound.FanOut;
import org.hms.hub.platform.messaging.Jms;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * Takes accepted items off {@code hub.inbound} and fans them out to their subscribers. The deliveries, the
 * receipt's new state and the acknowledgement commit together; a failure rolls all back and the broker
 * redelivers (after ten attempts the message goes to {@code hub.dlq}, where {@link DeadLetterConsumer} records it).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Jms.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Jms.INBOUND_ADDRESS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
public class InboundConsumer implements MessageListener {

    @Inject
    FanOut fanOut;

    @Inject
    TenantContext tenant;

    @Override
    public void onMessage(Message message) {
        try {
            tenant.set(message.getStringProperty(Jms.PROP_TENANT));
            long connectorId = Long.parseLong(message.getStringProperty(Jms.PROP_CONNECTOR));
            String receiptId = message.getStringProperty(Jms.PROP_RECEIPT);
            String body = message instanceof TextMessage text ? text.getText() : null;
            if (receiptId == null || body == null) {
                throw new IllegalStateException("Inbound message without receipt id or text body");
            }
            fanOut.process(connectorId, receiptId, body);
        } catch (JMSException | NumberFormatException e) {
            throw new IllegalStateException("Malformed inbound message: " + e.getMessage(), e);
        }
    }
}
