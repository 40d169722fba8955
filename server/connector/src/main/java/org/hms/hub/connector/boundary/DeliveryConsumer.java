package org.hms.hub.connector.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hms.hub.connector.control.delivery.DeliveryWorker;
import org.hms.hub.platform.messaging.Jms;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * Makes the outbound call a {@code hub.deliveries} message names. No transaction spans the call: the worker
 * claims and records in transactions of their own, and the database row — not the message — is the truth, so the
 * message is acknowledged whatever happens (a delivery whose outcome could not be recorded is picked up again by
 * the sweeper when its claim expires). Messages of one entity share a {@code JMSXGroupID} and so arrive in order.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Jms.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Jms.DELIVERIES_ADDRESS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "16")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(DeliveryConsumer.class.getName());

    @Inject
    DeliveryWorker worker;

    @Inject
    TenantContext tenant;

    @Override
    public void onMessage(Message message) {
        String id = null;
        try {
            tenant.set(message.getStringProperty(Jms.PROP_TENANT));
            id = message.getStringProperty(Jms.PROP_DELIVERY);
            String version = message.getStringProperty(Jms.PROP_VERSION);
            String hops = message.getStringProperty(Jms.PROP_HOPS);
            worker.attempt(Long.parseLong(id), version == null ? 0 : Long.parseLong(version),
                    hops == null ? 0 : Integer.parseInt(hops), message.getStringProperty(Jms.PROP_GROUP));
        } catch (JMSException | RuntimeException e) {
            String delivery = id;
            LOG.log(Level.WARNING, e, () -> "Delivery " + delivery + " could not be attempted now; the sweeper "
                    + "will send it again");
        }
    }
}
