package org.hms.hub.console.orders;

import org.hms.hub.console.common.ListTableModel;
import org.hms.hub.console.common.Times;
import org.hms.hub.model.order.OrderView;

/** Orders across HMS-API and HMS-OMS, most recently changed first. */
public class OrdersTableModel extends ListTableModel<OrderView> {

    public OrdersTableModel() {
        super("API order", "OMS order", "Title", "API status", "OMS status", "Sync", "Changed");
    }

    @Override
    protected Object value(OrderView o, int column) {
        return switch (column) {
            case 0 -> o.apiOrderId();
            case 1 -> o.omsOrderId() == null ? "—" : o.omsOrderId();
            case 2 -> o.title() == null ? "" : o.title();
            case 3 -> o.apiStatus() == null ? "" : o.apiStatus();
            case 4 -> o.omsStatus() == null ? "" : o.omsStatus();
            case 5 -> o.syncState().name();
            default -> Times.minute(o.updatedAt());
        };
    }
}
