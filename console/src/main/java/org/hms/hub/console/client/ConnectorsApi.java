package org.hms.hub.console.client;

import org.hms.hub.model.connector.ConnectionTestReport;
import org.hms.hub.model.connector.ConnectorPage;
import org.hms.hub.model.connector.ConnectorRequest;
import org.hms.hub.model.connector.ConnectorStats;
import org.hms.hub.model.connector.ConnectorStatus;
import org.hms.hub.model.connector.ConnectorType;
import org.hms.hub.model.connector.ConnectorView;
import org.hms.hub.model.connector.StatusChange;

/** {@code /api/connectors} for the console. */
public record ConnectorsApi(HubClient hub) {

    public ConnectorPage list(ConnectorType type, ConnectorStatus status, String text, int offset, int limit)
            throws HubException {
        return hub.get("api/connectors", HubClient.query("type", type, "status", status,
                "q", text == null || text.isBlank() ? null : text.strip(), "offset", offset, "limit", limit),
                ConnectorPage.class);
    }

    public Versioned<ConnectorView> get(long id) throws HubException {
        return hub.getVersioned("api/connectors/" + id, ConnectorView.class);
    }

    public ConnectorView create(ConnectorRequest request) throws HubException {
        return hub.post("api/connectors", request, ConnectorView.class);
    }

    public ConnectorView update(long id, long version, ConnectorRequest change) throws HubException {
        return hub.patch("api/connectors/" + id, version, change, ConnectorView.class);
    }

    public ConnectorView changeStatus(long id, ConnectorStatus status) throws HubException {
        return hub.put("api/connectors/" + id + "/status", new StatusChange(status, "changed in the console"),
                ConnectorView.class);
    }

    public void delete(long id) throws HubException {
        hub.delete("api/connectors/" + id);
    }

    public ConnectionTestReport test(long id) throws HubException {
        return hub.post("api/connectors/" + id + "/test", null, ConnectionTestReport.class);
    }

    public ConnectorStats stats() throws HubException {
        return hub.get("api/connectors/stats", java.util.Map.of(), ConnectorStats.class);
    }
}
