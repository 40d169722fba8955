package org.hms.hub.app.incontainer;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.hms.hub.platform.messaging.Jms;
import org.hms.hub.platform.messaging.TransactedJms;

/** Sends in a transaction as the hub's modules do, and looks at the commit tokens behind the hub's back. */
@Stateless
public class CommitTokenProbe {

    @Inject
    TransactedJms jms;

    @Resource(lookup = "java:app/jdbc/hub")
    DataSource db;

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory factory;

    /** Sends {@code body} to {@code queue} in one transaction, notes its commit token, then fails or not. */
    public void send(String queue, String body, boolean failAfterSending, AtomicReference<String> token) {
        jms.send(context -> context.createQueue(queue), body, Map.of(), null, 0);
        token.set(jms.commitToken());
        if (failAfterSending) {
            throw new IllegalStateException("probe failure after sending");
        }
    }

    /** Sends {@code body} with a property {@code probe} and a commit token as a sender outside the hub would. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sendPlain(String queue, String body, String probe, String token) {
        try (JMSContext context = factory.createContext()) {
            context.createProducer().setProperty("probe", probe)
                    .setProperty(org.hms.hub.platform.messaging.CommitMarkers.PROPERTY, token)
                    .send(context.createQueue(queue), body);
        }
    }

    /** Takes the next message from {@code from} and forwards it to {@code to}, in one transaction. */
    public void forwardOne(String from, String to, AtomicReference<String> token) throws JMSException {
        JMSContext context = jms.context();
        try (JMSConsumer consumer = context.createConsumer(context.createQueue(from))) {
            Message m = consumer.receive(5_000);
            if (m == null) {
                throw new IllegalStateException("nothing to forward on " + from);
            }
            jms.forward(context.createQueue(to), m);
            token.set(jms.commitToken());
        }
    }

    /** The next message on {@code queue}: its body, commit token and {@code probe} property; {@code null} if none. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public String[] receive(String queue, long waitMillis) throws JMSException {
        try (JMSContext context = factory.createContext(); JMSConsumer consumer =
                context.createConsumer(context.createQueue(queue))) {
            Message m = consumer.receive(waitMillis);
            return m == null ? null : new String[] {m.getBody(String.class),
                    m.getStringProperty(org.hms.hub.platform.messaging.CommitMarkers.PROPERTY),
                    m.getStringProperty("probe")};
        }
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean held(String token) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM hub_tx_commit WHERE token = ?")) {
            s.setString(1, token);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1) == 1;
            }
        }
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void insert(String token) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO hub_tx_commit (token) VALUES (?)")) {
            s.setString(1, token);
            s.executeUpdate();
        }
    }
}
