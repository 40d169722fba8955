package org.hms.hub.model.event;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Something happened to a connector: {@code action} is {@code ConnectorCreated}, {@code ConnectorUpdated},
 * {@code ConnectorDeleted}, {@code ConnectorStatusChanged} or {@code ConnectorTested}. Carries identifiers and
 * the changed field names, never credentials.
 */
public record ConnectorChanged(UUID eventId, String tenant, OffsetDateTime occurredAt, String action, String actor,
                               long connectorId, String name, String connectorType, String status, String outcome,
                               String reason, java.util.List<String> fields) implements HubEvent {

    public static ConnectorChanged of(String tenant, String action, String actor, long connectorId, String name,
                                      String connectorType, String status, String outcome, String reason,
                                      java.util.List<String> fields) {
        return new ConnectorChanged(UUID.randomUUID(), tenant, OffsetDateTime.now(ZoneOffset.UTC), action, actor,
                connectorId, name, connectorType, status, outcome, reason, fields);
    }

    @Override
    public String type() {
        return action;
    }
}
