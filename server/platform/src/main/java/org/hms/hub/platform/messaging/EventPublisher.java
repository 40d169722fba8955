package org.hms.hub.platform.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Topic;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.Map;
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
    TransactedJms jms;

    @Resource(lookup = Jms.EVENTS)
    Topic events;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(HubEvent event, String correlationId) {
        Map<String, String> properties = new HashMap<>();
        properties.put(Jms.PROP_TYPE, event.type());
        properties.put(Jms.PROP_TENANT, event.tenant());
        properties.put(Jms.PROP_EVENT_ID, event.eventId().toString());
        properties.put(Jms.PROP_CORRELATION_ID, correlationId);
        jms.send(context -> events, Json.JSONB.toJson(event), properties, correlationId, 0);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(HubEvent event) {
        publish(event, null);
    }
}
