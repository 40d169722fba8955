package org.hms.hub.console.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.hms.hub.model.order.OrderOperationView;
import org.hms.hub.model.order.OrderSyncState;
import org.hms.hub.model.order.OrderView;
import org.hms.hub.model.order.ReconcileReport;
import org.junit.jupiter.api.Test;

class OrdersPanelTest {

    @Test
    void showsBothSidesOfAnOrderInItsRow() {
        OrdersTableModel model = new OrdersTableModel();
        model.show(List.of(new OrderView(1, "1001", null, "1001", "MRI", "pending", null, null, null,
                OrderSyncState.PENDING, null, OffsetDateTime.now(), OffsetDateTime.now())));
        assertThat(model.getValueAt(0, 0)).isEqualTo("1001");
        assertThat(model.getValueAt(0, 1)).isEqualTo("—");
        assertThat(model.getValueAt(0, 3)).isEqualTo("pending");
        assertThat(model.getValueAt(0, 4)).isEqualTo("");
        assertThat(model.getValueAt(0, 5)).isEqualTo("PENDING");
    }

    @Test
    void namesTheDirectionOfEachStepOfTheHistory() {
        HistoryTableModel model = new HistoryTableModel();
        model.show(List.of(new OrderOperationView(5, OffsetDateTime.now(), "OMS_TO_API", "FULFILMENT", "fulfilled",
                "DONE", 9L, null, 120L, OffsetDateTime.now())));
        assertThat(model.getValueAt(0, 1)).isEqualTo("HMS-OMS → HMS-API");
        assertThat(model.getValueAt(0, 5)).isEqualTo("120 ms");
        assertThat(model.getValueAt(0, 6)).isEqualTo("");
    }

    @Test
    void summarisesAReconciliationReportWithItsFindings() {
        ReconcileReport report = new ReconcileReport(3, 1, OffsetDateTime.now().minusDays(1), OffsetDateTime.now(),
                true, OffsetDateTime.now(), OffsetDateTime.now(), 10, 9,
                List.of(new ReconcileReport.Finding("1004", null, "pending", null, "re-created in HMS-OMS")),
                List.of(), List.of(new ReconcileReport.Finding("99", "700", null, "new", "reported; not touched")), 1,
                List.of("HMS-OMS could not be read (page 2): HTTP 503"));
        String text = OrdersPanel.summary(List.of(report));
        assertThat(text).contains("read 10 HMS-API and 9 HMS-OMS orders; repaired 1")
                .contains("1 missing in HMS-OMS").contains("API 1004 / OMS —: pending / — — re-created in HMS-OMS")
                .contains("0 status mismatches").contains("1 orphans in HMS-OMS").contains("error: HMS-OMS could not");
        assertThat(OrdersPanel.summary(List.of())).contains("no order integration");
    }
}
