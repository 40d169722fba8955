package org.hms.hub.connector.control.inbound;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.hms.hub.platform.messaging.Jms;
import org.hms.hub.platform.messaging.TransactedJms;

/**
 * Takes accepted items off {@code hub.inbound} in batches, in the order the broker holds them, and fans them out
 * ({@link FanOut#processAll}): each tenant's items of a batch in one transaction of their own (more than one when
 * their deliveries are many: a wide fan-out), committed before the messages are acknowledged — one commit per batch
 * and tenant instead of a two-phase commit per item. A failure rolls the batch back and the broker delivers its
 * messages again (after its redelivery delay); an item processed already is not processed twice (the fan-out goes by
 * the receipt's state). A message that is not an inbound item (no tenant,
 * connector or receipt id; no text body) goes to the dead-letter address at once, where it is logged.
 */
@ApplicationScoped
public class FanOutBatches {

    private static final Logger LOG = Logger.getLogger(FanOutBatches.class.getName());
    /** How long each further item of a batch is waited for. */
    static final long NEXT_WAIT_MILLIS = 10;
    /** A batch also ends once its bodies reach this size (a webhook body may have 1 MiB). */
    static final long MAX_BATCH_CHARS = 4L * 1024 * 1024;

    @Inject
    TransactedJms broker;

    @Inject
    FanOut fanOut;

    /**
     * Fans out the next batch, of at most {@code max} items, waiting at most {@code firstWaitMillis} for its first;
     * returns how many messages it took (0: none came). Any failure rolls the whole batch back.
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = JMSException.class)
    public int takeBatch(int max, long firstWaitMillis) throws JMSException {
        Map<String, List<FanOut.Item>> byTenant = new LinkedHashMap<>();
        int taken = 0;
        long chars = 0;
        JMSContext jms = broker.context();
        try (JMSConsumer consumer = jms.createConsumer(jms.createQueue(Jms.INBOUND_ADDRESS))) {
            for (Message message = consumer.receive(Math.max(1, firstWaitMillis)); message != null;
                 message = taken < max && chars < MAX_BATCH_CHARS ? consumer.receive(NEXT_WAIT_MILLIS) : null) {
                taken++;
                String tenant;
                FanOut.Item item;
                try {
                    tenant = Jms.requiredProperty(message, Jms.PROP_TENANT);
                    long connectorId = Long.parseLong(Jms.requiredProperty(message, Jms.PROP_CONNECTOR));
                    String receiptId = Jms.requiredProperty(message, Jms.PROP_RECEIPT);
                    if (!(message instanceof TextMessage text) || text.getText() == null) {
                        throw new IllegalArgumentException("no text body");
                    }
                    item = new FanOut.Item(connectorId, receiptId, text.getText());
                } catch (JMSException | RuntimeException e) {
                    LOG.severe(() -> "A message on " + Jms.INBOUND_ADDRESS + " is not an inbound item ("
                            + e.getMessage() + "); it goes to " + Jms.DEAD_LETTER_ADDRESS);
                    broker.forward(jms.createQueue(Jms.DEAD_LETTER_ADDRESS), message);
                    continue;
                }
                byTenant.computeIfAbsent(tenant, t -> new ArrayList<>()).add(item);
                chars += item.body().length();
            }
            for (Map.Entry<String, List<FanOut.Item>> tenant : byTenant.entrySet()) {
                List<FanOut.Item> rest = tenant.getValue();
                while (!rest.isEmpty()) {
                    rest = rest.subList(fanOut.processAll(tenant.getKey(), rest), rest.size());
                }
            }
        }
        return taken;
    }
}
