package org.hms.hub.platform.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends work on the hub's queues: {@code hub.inbound} (items to map and fan out) and {@code hub.deliveries} (one
 * outbound call each). Persistent messages, sent inside the caller's JTA transaction: they exist if and only if
 * the database change that records the work commits. {@code group} becomes {@code JMSXGroupID}, so one entity's
 * messages are consumed in order; {@code delayMillis} schedules a message for later (retries).
 */
@ApplicationScoped
public class WorkQueues {

    @Inject
    TransactedJms jms;

    @Resource(lookup = Jms.INBOUND)
    Queue inbound;

    @Resource(lookup = Jms.DELIVERIES)
    Queue deliveries;

    @Transactional(Transactional.TxType.MANDATORY)
    public void inbound(String tenant, String group, String body, Map<String, String> properties) {
        send(context -> inbound, tenant, group, body, properties, 0);
    }

    /**
     * @param version what the consumer must find in the row to know it sees this transaction's change (with 2PC
     *                the message may become visible before the database change does)
     * @param hops    how often the message was sent on because the row did not show that change yet
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delivery(String tenant, String group, long deliveryId, long version, int hops, long delayMillis) {
        send(context -> deliveries, tenant, group, "", Map.of(Jms.PROP_DELIVERY, Long.toString(deliveryId),
                Jms.PROP_VERSION, Long.toString(version), Jms.PROP_HOPS, Integer.toString(hops)), delayMillis);
    }

    /** Sends to a queue named by its broker address (a module's own work queue, a reply address). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(String address, String tenant, String group, String body, Map<String, String> properties) {
        send(context -> context.createQueue(address), tenant, group, body, properties, 0);
    }

    private void send(Function<JMSContext, Destination> to, String tenant, String group, String body,
                      Map<String, String> properties, long delayMillis) {
        Map<String, String> all = new HashMap<>(properties);
        all.put(Jms.PROP_TENANT, tenant);
        all.put(Jms.PROP_GROUP, group);
        jms.send(to, body, all, null, delayMillis);
    }
}
