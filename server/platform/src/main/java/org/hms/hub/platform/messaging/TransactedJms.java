package org.hms.hub.platform.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The broker inside the caller's JTA transaction: messages sent are delivered on commit and discarded on
 * rollback, messages received are acknowledged on commit and delivered again on rollback.
 * <p>
 * A transaction's first use takes a context from the hub's XA connection factory; later uses in the same
 * transaction share it, and it is closed once the transaction has completed. The container's injected
 * {@code JMSContext} is not used: its transaction-scoped manager is reached through one application-wide CDI proxy
 * whose {@code getContext} is synchronized, so every transaction of the hub waited for every other one's context
 * creation (a broker round trip) — under load most of a webhook's time.
 * <p>
 * The factory is looked up under its {@code __pm} name, as the container's own JMS injection does inside a
 * transaction: a connection from it is enlisted in the <em>thread's</em> transaction. Under the plain name the pool
 * enlists in the transaction of the current component invocation, which is none when a {@code @Transactional}
 * method begins the transaction inside a message listener or timer that runs without one (the delivery consumer,
 * the schedulers): the session then took part in no commit and its messages were silently lost.
 */
@ApplicationScoped
public class TransactedJms {

    private static final Logger LOG = Logger.getLogger(TransactedJms.class.getName());

    /** The key of a transaction's context in the synchronization registry. */
    private static final Object CONTEXT_KEY = new Object();

    /** The name under which the pool enlists connections in the thread's transaction. */
    static final String TRANSACTED_FACTORY = Jms.CONNECTION_FACTORY + "__pm";

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** Looked up on first use: the {@code __pm} name is bound at run time only, not known to deployment. */
    private volatile ConnectionFactory factory;

    /**
     * Sends one persistent text message in the caller's transaction.
     *
     * @param to            the destination, looked up through the context (a named queue) or fixed
     * @param properties    string properties; {@code null} values are left out
     * @param correlationId the JMS correlation id, or {@code null}
     * @param delayMillis   delivery delay; 0 for none
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(Function<JMSContext, Destination> to, String body, Map<String, String> properties,
                     String correlationId, long delayMillis) {
        JMSContext jms = context();
        TextMessage message = jms.createTextMessage(body);
        try {
            for (Map.Entry<String, String> p : properties.entrySet()) {
                if (p.getValue() != null) {
                    message.setStringProperty(p.getKey(), p.getValue());
                }
            }
            if (correlationId != null) {
                message.setJMSCorrelationID(correlationId);
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException("Cannot set message properties: " + e.getMessage());
        }
        JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
        if (delayMillis > 0) {
            producer.setDeliveryDelay(delayMillis);
        }
        producer.send(to.apply(jms), message);
    }

    /**
     * The current transaction's context, created on first use and closed by the container after the transaction
     * has completed; callers must not close it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public JMSContext context() {
        JMSContext jms = (JMSContext) transactions.getResource(CONTEXT_KEY);
        if (jms != null) {
            return jms;
        }
        JMSContext created = factory().createContext();
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // open until the transaction has ended: its session takes part in the commit
                }

                @Override
                public void afterCompletion(int status) {
                    try {
                        created.close();
                    } catch (RuntimeException e) {
                        LOG.log(Level.FINE, "Closing a transaction's JMS context failed", e);
                    }
                }
            });
            transactions.putResource(CONTEXT_KEY, created);
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
        return created;
    }

    private ConnectionFactory factory() {
        ConnectionFactory f = factory;
        if (f == null) {
            try {
                InitialContext naming = new InitialContext();
                try {
                    f = (ConnectionFactory) naming.lookup(TRANSACTED_FACTORY);
                } finally {
                    naming.close();
                }
            } catch (NamingException e) {
                throw new JMSRuntimeException("Cannot look up " + TRANSACTED_FACTORY + ": " + e.getMessage());
            }
            factory = f;
        }
        return f;
    }
}
