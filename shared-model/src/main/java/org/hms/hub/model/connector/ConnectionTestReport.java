package org.hms.hub.model.connector;

import java.util.List;

/** {@code POST /api/connectors/{id}/test}: this test, the connector's status after it, and the recent tests. */
public record ConnectionTestReport(ConnectionTest result, ConnectorStatus status, List<ConnectionTest> history) {
}
