package org.hms.hub.platform.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Sends work on the hub's queues: {@code hub.inbound} (items to map and fan out) and {@code hub.deliveries} (one
 * outbound call each). Persistent messages, sent inside the caller's JTA transaction: they exist if and only if
 * the database change that records the work commits. {@code group} becomes {@code JMSXGroupID}, so one entity's
 * messages are consumed in order; {@code delayMillis} schedules a message for later (retries).
 */
@ApplicationScoped
public class WorkQueues {

    @Inject
    @JMSConnectionFactory(Jms.CONNECTION_FACTORY)
    JMSContext jms;

    @Resource(lookup = Jms.INBOUND)
    Queue inbound;

    @Resource(lookup = Jms.DELIVERIES)
    Queue deliveries;

    @Transactional(Transactional.TxType.MANDATORY)
    public void inbound(String tenant, String group, String body, Map<String, String> properties) {
        send(inbound, tenant, group, body, properties, 0);
    }

    /**
     * @param version what the consumer must find in the row to know it sees this transaction's change (with 2PC
     *                the message may become visible before the database change does)
     * @param hops    how often the message was sent on because the row did not show that change yet
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delivery(String tenant, String group, long deliveryId, long version, int hops, long delayMillis) {
        send(deliveries, tenant, group, "", Map.of(Jms.PROP_DELIVERY, Long.toString(deliveryId), Jms.PROP_VERSION,
                Long.toString(version), Jms.PROP_HOPS, Integer.toString(hops)), delayMillis);
    }

    /** Sends to a queue named by its broker address (a module's own work queue, a reply address). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(String address, String tenant, String group, String body, Map<String, String> properties) {
        send(jms.createQueue(address), tenant, group, body, properties, 0);
    }

    private void send(Queue queue, String tenant, String group, String body, Map<String, String> properties,
                      long delayMillis) {
        TextMessage message = jms.createTextMessage(body);
        try {
            message.setStringProperty(Jms.PROP_TENANT, tenant);
            message.setStringProperty(Jms.PROP_GROUP, group);
            for (Map.Entry<String, String> p : properties.entrySet()) {
                if (p.getValue() != null) {
                    message.setStringProperty(p.getKey(), p.getValue());
                }
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException("Cannot set message properties: " + e.getMessage());
        }
        JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
        if (delayMillis > 0) {
            producer.setDeliveryDelay(delayMillis);
        }
        producer.send(queue, message);
    }
}
