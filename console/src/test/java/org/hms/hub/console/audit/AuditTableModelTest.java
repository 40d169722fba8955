package org.hms.hub.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hms.hub.model.audit.AuditEntryView;
import org.junit.jupiter.api.Test;

class AuditTableModelTest {

    private static AuditEntryView entry(long id, String action) {
        return new AuditEntryView(id, UUID.randomUUID(), "north", action, "admin", null, OffsetDateTime.now(),
                OffsetDateTime.now(), "{\"action\":\"" + action + "\",\"subject\":\"Lab\"}", id, "USER", "Connector", "7",
                "success", null, 7L, null, null, "ab".repeat(32));
    }

    @Test
    void appendsOlderPagesAfterTheNewest() {
        AuditTableModel model = new AuditTableModel();

        model.replace(List.of(entry(9, "ConnectorTested"), entry(8, "ConnectorCreated")));
        model.append(List.of(entry(7, "LoginSucceeded")));

        assertThat(model.getRowCount()).isEqualTo(3);
        assertThat(model.getValueAt(0, 1)).isEqualTo("ConnectorTested");
        assertThat(model.getValueAt(2, 1)).isEqualTo("LoginSucceeded");
        assertThat(model.getValueAt(2, 2)).isEqualTo("admin");
    }

    @Test
    void prettyPrintsDetailsAndLeavesOtherTextAlone() {
        assertThat(AuditPanel.pretty("{\"a\":1,\"b\":{\"c\":true}}")).contains("\n").contains("\"c\": true");
        assertThat(AuditPanel.pretty("not json")).isEqualTo("not json");
        assertThat(AuditPanel.pretty(null)).isEmpty();
    }
}
