package org.hms.hub.console.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.hms.hub.model.connector.AuthType;
import org.hms.hub.model.connector.ConnectorStatus;
import org.hms.hub.model.connector.ConnectorType;
import org.hms.hub.model.connector.ConnectorView;
import org.hms.hub.model.connector.CredentialsView;
import org.hms.hub.model.connector.WebhookView;
import org.junit.jupiter.api.Test;

class ConnectorsTableModelTest {

    static ConnectorView connector(long id, String name, ConnectorStatus status, String lastError) {
        return new ConnectorView(id, "north", name, ConnectorType.LAB_SYSTEM, "Quest", null,
                "https://quest.example/api", false, AuthType.API_KEY,
                new CredentialsView(true, "X-API-Key", null, null, false, false, null, false, null, List.of()),
                Map.of(), 10000, 5, 1000, "/health", Map.of(), new WebhookView(false, null, false, "/api/webhooks/" + id, null),
                status, null, lastError, OffsetDateTime.now(), OffsetDateTime.now(), 1);
    }

    @Test
    void showsOneRowPerConnectorWithStatusAndNeverForAMissingSync() {
        ConnectorsTableModel model = new ConnectorsTableModel();

        model.show(List.of(connector(1, "Lab A", ConnectorStatus.ACTIVE, null),
                connector(2, "Lab B", ConnectorStatus.ERROR, "refused")));

        assertThat(model.getRowCount()).isEqualTo(2);
        assertThat(model.getValueAt(0, 0)).isEqualTo("Lab A");
        assertThat(model.getValueAt(1, 2)).isEqualTo(ConnectorStatus.ERROR);
        assertThat(model.getValueAt(0, 5)).isEqualTo("never");
        assertThat(model.getValueAt(1, 6)).isEqualTo("refused");
        assertThat(model.getColumnClass(2)).isEqualTo(ConnectorStatus.class);
        assertThat(model.indexOf(2)).isEqualTo(1);
        assertThat(model.indexOf(99)).isEqualTo(-1);
    }

    @Test
    void showsNoSecretColumn() {
        ConnectorsTableModel model = new ConnectorsTableModel();
        model.show(List.of(connector(1, "Lab A", ConnectorStatus.ACTIVE, null)));

        for (int c = 0; c < model.getColumnCount(); c++) {
            assertThat(model.getColumnName(c).toLowerCase()).doesNotContain("key").doesNotContain("password");
        }
    }
}
