package org.hms.hub.model.connector;

/** {@code PUT /api/connectors/{id}/status}: ACTIVE or INACTIVE, with an optional reason for the audit trail. */
public record StatusChange(ConnectorStatus status, String reason) {
}
