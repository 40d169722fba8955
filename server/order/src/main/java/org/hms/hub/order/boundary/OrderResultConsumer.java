package org.hms.hub.order.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.HashMap;
import java.util.Map;
import org.hms.hub.order.control.OrderSync;
import org.hms.hub.platform.messaging.Jms;
import org.hms.hub.platform.sync.OutboundResult;
import org.hms.hub.platform.tenancy.TenantContext;

/** Outcomes of the calls order sync queued ({@code hub.order-results}): the order's operation and sync state. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = Jms.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Jms.ORDER_RESULTS_ADDRESS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
})
public class OrderResultConsumer implements MessageListener {

    private static final String[] PROPERTIES = {OutboundResult.DELIVERY_ID, OutboundResult.REFERENCE,
        OutboundResult.OUTCOME, OutboundResult.HTTP_STATUS, OutboundResult.RESULT_ID, OutboundResult.ERROR,
        OutboundResult.DEAD_LETTER_ID};

    @Inject
    OrderSync sync;

    @Inject
    TenantContext tenant;

    @Override
    public void onMessage(Message message) {
        try {
            tenant.set(message.getStringProperty(Jms.PROP_TENANT));
            Map<String, String> p = new HashMap<>();
            for (String name : PROPERTIES) {
                String value = message.getStringProperty(name);
                if (value != null) {
                    p.put(name, value);
                }
            }
            sync.result(p);
        } catch (JMSException e) {
            throw new IllegalStateException("Malformed order result: " + e.getMessage(), e);
        }
    }
}
