package org.hms.hub.platform.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.transaction.Transactional;
import org.hms.hub.model.event.HubEvent;
import org.hms.hub.platform.json.Json;

/**
 * Publishes domain events on {@code hub.events} as JSON text messages.
 * <p>
 * It must be called inside the JTA transaction that made the change the event describes: the message is
 * sent on commit and discarded on rollback, so the event exists if and only if the change does.
 */
@ApplicationScoped
public class EventPublisher {

    @Inject
    @JMSConnectionFactory(Jms.CONNECTION_FACTORY)
    JMSContext jms;

    @Resource(lookup = Jms.EVENTS)
    Topic events;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(HubEvent event, String correlationId) {
        TextMessage message = jms.createTextMessage(Json.JSONB.toJson(event));
        try {
            message.setStringProperty(Jms.PROP_TYPE, event.type());
            message.setStringProperty(Jms.PROP_TENANT, event.tenant());
            message.setStringProperty(Jms.PROP_EVENT_ID, event.eventId().toString());
            if (correlationId != null) {
                message.setStringProperty(Jms.PROP_CORRELATION_ID, correlationId);
                message.setJMSCorrelationID(correlationId);
            }
        } catch (jakarta.jms.JMSException e) {
            throw new jakarta.jms.JMSRuntimeException("Cannot set event properties: " + e.getMessage());
        }
        jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT).send(events, message);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(HubEvent event) {
        publish(event, null);
    }
}
