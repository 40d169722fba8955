package org.hms.hub.platform.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
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
 * <p>
 * Every message sent carries the transaction's commit token, which goes into the database with the transaction's
 * commit ({@link CommitMarkers}): after a crash between the database's commit and the broker's, the token decides the
 * broker's prepared branch.
 */
@ApplicationScoped
public class TransactedJms {

    private static final Logger LOG = Logger.getLogger(TransactedJms.class.getName());

    /** The key of a transaction's {@link Joined} in the synchronization registry. */
    private static final Object CONTEXT_KEY = new Object();

    /** The name under which the pool enlists connections in the thread's transaction. */
    static final String TRANSACTED_FACTORY = Jms.CONNECTION_FACTORY + "__pm";

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    CommitMarkers markers;

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
        Joined joined = joined();
        JMSContext jms = joined.context;
        TextMessage message = jms.createTextMessage(body);
        try {
            message.setStringProperty(CommitMarkers.PROPERTY, joined.token());
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
     * Sends a message received in this transaction on to another destination (a dead letter), with its own
     * properties (not the provider's {@code JMSX…} and {@code JMS_…} ones) and this transaction's commit token in
     * place of the one it came with.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forward(Destination to, Message received) throws JMSException {
        Joined joined = joined();
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        for (Object name : java.util.Collections.list(received.getPropertyNames())) {
            if (!((String) name).startsWith("JMS")) {
                properties.put((String) name, received.getObjectProperty((String) name));
            }
        }
        received.clearProperties();
        for (Map.Entry<String, Object> p : properties.entrySet()) {
            received.setObjectProperty(p.getKey(), p.getValue());
        }
        received.setStringProperty(CommitMarkers.PROPERTY, joined.token());
        joined.context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(to, received);
    }

    /**
     * The current transaction's context, created on first use and closed by the container after the transaction
     * has completed; callers must not close it. Messages sent through it directly carry no commit token: use
     * {@link #send} or {@link #forward}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public JMSContext context() {
        return joined().context;
    }

    /** The current transaction's commit token, as the messages it sends carry it (made on first use). */
    @Transactional(Transactional.TxType.MANDATORY)
    public String commitToken() {
        return joined().token();
    }

    /** The broker's part in the current transaction: its context and, once it sends, its commit token. */
    private Joined joined() {
        Joined joined = (Joined) transactions.getResource(CONTEXT_KEY);
        if (joined != null) {
            return joined;
        }
        Joined created = new Joined(factory().createContext());
        try {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // the context stays open until the transaction has ended: its session takes part in the commit
                    if (created.token != null
                            && transactions.getTransactionStatus() != Status.STATUS_MARKED_ROLLBACK) {
                        try {
                            markers.write(created.token);
                        } catch (SQLException e) {
                            throw new IllegalStateException("The transaction's commit token could not be written: "
                                    + e.getMessage(), e);
                        }
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    try {
                        created.context.close();
                    } catch (RuntimeException e) {
                        LOG.log(Level.FINE, "Closing a transaction's JMS context failed", e);
                    }
                }
            });
            transactions.putResource(CONTEXT_KEY, created);
        } catch (RuntimeException e) {
            created.context.close();
            throw e;
        }
        return created;
    }

    /** A transaction's JMS context and its commit token (made when it first sends). */
    private static final class Joined {
        final JMSContext context;
        String token;

        Joined(JMSContext context) {
            this.context = context;
        }

        String token() {
            if (token == null) {
                token = CommitMarkers.newToken(System.currentTimeMillis());
            }
            return token;
        }
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
