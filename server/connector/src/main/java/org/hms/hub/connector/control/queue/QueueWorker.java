package org.hms.hub.connector.control.queue;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hms.hub.connector.control.inbound.InboundShape;

/**
 * The loop that consumes one connector's queue until stopped. On an external broker it uses a transacted
 * session of Artemis's own client: the message is acknowledged only after the hub's transaction committed, and a
 * message redelivered after a crash in between is recognised by its JMS message id.
 */
public final class QueueWorker implements Runnable {

    private static final Logger LOG = Logger.getLogger(QueueWorker.class.getName());
    private static final String ARTEMIS_FACTORY = "org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory";

    private final QueueTriggers owner;
    private final String tenant;
    private final long connectorId;
    private final QueueTrigger trigger;
    private final InboundShape shape;
    private final String password;
    private volatile boolean running = true;

    QueueWorker(QueueTriggers owner, String tenant, long connectorId, QueueTrigger trigger, InboundShape shape,
                String password) {
        this.owner = owner;
        this.tenant = tenant;
        this.connectorId = connectorId;
        this.trigger = trigger;
        this.shape = shape;
        this.password = password;
    }

    QueueTrigger trigger() {
        return trigger;
    }

    void stop() {
        running = false;
    }

    boolean running() {
        return running;
    }

    @Override
    public void run() {
        LOG.info(() -> "Connector " + connectorId + " takes inbound data from queue " + trigger.address()
                + (trigger.external() ? " on " + trigger.brokerUrl() : " on the hub's broker"));
        long backoff = 1000;
        while (running) {
            try {
                if (trigger.external()) {
                    consumeExternal();
                } else {
                    while (running) {
                        owner.takeFromHubBroker(tenant, connectorId, trigger, shape);
                    }
                }
                backoff = 1000;
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                long wait = backoff;
                LOG.log(Level.WARNING, "Queue " + trigger.address() + " of connector " + connectorId
                        + " failed; trying again in " + wait / 1000 + " s: " + e.getMessage());
                owner.failed(tenant, connectorId, e.getMessage());
                sleep(wait);
                backoff = Math.min(backoff * 2, 60_000);
            }
        }
        LOG.info(() -> "Connector " + connectorId + " stopped taking data from queue " + trigger.address());
    }

    private void consumeExternal() throws Exception {
        ConnectionFactory factory = (ConnectionFactory) Class.forName(ARTEMIS_FACTORY, true,
                getClass().getClassLoader()).getConstructor(String.class).newInstance(trigger.brokerUrl());
        try (JMSContext context = trigger.user() != null
                ? factory.createContext(trigger.user(), password, JMSContext.SESSION_TRANSACTED)
                : factory.createContext(JMSContext.SESSION_TRANSACTED);
             JMSConsumer consumer = context.createConsumer(context.createQueue(trigger.address()))) {
            while (running) {
                Message message = consumer.receive(QueueIntake.RECEIVE_MILLIS);
                if (message == null) {
                    continue;
                }
                try {
                    owner.record(tenant, connectorId, message, shape);
                    context.commit();
                } catch (RuntimeException e) {
                    context.rollback();
                    throw e;
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
