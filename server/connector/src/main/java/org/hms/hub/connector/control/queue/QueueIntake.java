package org.hms.hub.connector.control.queue;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.util.Map;
import org.hms.hub.connector.control.inbound.Inbound;
import org.hms.hub.connector.control.inbound.InboundShape;
import org.hms.hub.connector.entity.InboundReceipt;
import org.hms.hub.model.event.SyncEvent;
import org.hms.hub.model.sync.DeadLetterReason;
import org.hms.hub.platform.json.Json;
import org.hms.hub.platform.messaging.EventPublisher;
import org.hms.hub.platform.messaging.Jms;
import org.hms.hub.platform.tenancy.TenantContext;

/**
 * Takes one message from a connector's queue into the hub. On the hub's own broker the message is received
 * through the hub's XA connection factory inside the JTA transaction that receipts and enqueues it, so taking it
 * and recording it commit together. A message that is not JSON text becomes a dead letter (INVALID_PAYLOAD)
 * and is consumed.
 */
@ApplicationScoped
public class QueueIntake {

    static final long RECEIVE_MILLIS = 1000;

    @Resource(lookup = Jms.CONNECTION_FACTORY)
    ConnectionFactory hubBroker;

    @Inject
    Inbound inbound;

    @Inject
    org.hms.hub.connector.control.inbound.InboundDeadLetters deadLetters;

    @Inject
    EventPublisher events;

    @Inject
    TenantContext tenant;


    /** Takes a message from the hub's broker, if one comes within a second; true when one was taken. */
    @Transactional
    public boolean takeFromHubBroker(long connectorId, QueueTrigger trigger, InboundShape shape) throws JMSException {
        try (JMSContext context = hubBroker.createContext();
             JMSConsumer consumer = context.createConsumer(context.createQueue(trigger.address()))) {
            Message message = consumer.receive(RECEIVE_MILLIS);
            if (message == null) {
                return false;
            }
            record(connectorId, message, shape);
            return true;
        }
    }

    /** Puts a queue that cannot be read in the audit trail. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(long connectorId, String error) {
        events.publish(SyncEvent.of(tenant.current(), "QueueFailed", "system", connectorId, "Connector",
                Long.toString(connectorId), "failure", error, Map.of()));
    }

    /** Receipts and enqueues a message taken from a queue (the caller's transaction). */
    @Transactional
    public void record(long connectorId, Message message, InboundShape shape) throws JMSException {
        String id = message.getJMSMessageID();
        String body = message instanceof TextMessage text ? text.getText() : null;
        JsonValue parsed = null;
        String problem = null;
        if (body == null) {
            problem = "The message is not a text message (" + message.getClass().getSimpleName() + ").";
        } else {
            try (var reader = org.hms.hub.platform.json.Json.JSONP.createReader(new StringReader(body))) {
                parsed = reader.readValue();
            } catch (jakarta.json.JsonException e) {
                problem = "The message is not JSON: " + e.getMessage();
            }
        }
        if (problem != null) {
            deadLetters.record(connectorId, null, null, null, DeadLetterReason.INVALID_PAYLOAD, problem, 1,
                    Map.of("jmsMessageId", id == null ? "" : id), body, "connector:" + connectorId);
            return;
        }
        inbound.accept(connectorId, InboundReceipt.Source.QUEUE, "queue:" + (id != null ? id
                : "sha256:" + Inbound.sha256(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))), body, parsed,
                shape, null);
    }
}
