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
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends one persistent text message inside the caller's JTA transaction, through the hub's XA connection
 * factory: the message is delivered on commit and discarded on rollback.
 * <p>
 * Each send takes a context from the factory and closes it again; the connection pool keeps the connection
 * enlisted in the transaction until it ends, and hands it out again to the next send of the same transaction.
 * The container's injected {@code JMSContext} is not used: its transaction-scoped manager is reached through one
 * application-wide CDI proxy whose {@code getContext} is synchronized, so every transaction of the hub waited
 * for every other one's context creation (a broker round trip) — under load most of a webhook's 140 ms.
 */
@ApplicationScoped
public class TransactionalSender {

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory factory;

    /**
     * @param to            the destination, looked up through the context (a named queue) or fixed
     * @param properties    string properties; {@code null} values are left out
     * @param correlationId the JMS correlation id, or {@code null}
     * @param delayMillis   delivery delay; 0 for none
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void send(Function<JMSContext, Destination> to, String body, Map<String, String> properties,
                     String correlationId, long delayMillis) {
        try (JMSContext jms = factory.createContext()) {
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
    }
}
