package org.hms.hub.console.orders;

import org.hms.hub.console.common.ListTableModel;
import org.hms.hub.console.common.Times;
import org.hms.hub.model.order.OrderOperationView;

/** An order's sync history, newest first. */
public class HistoryTableModel extends ListTableModel<OrderOperationView> {

    public HistoryTableModel() {
        super("When", "Direction", "Action", "Status", "Outcome", "Lag", "Detail");
    }

    @Override
    protected Object value(OrderOperationView op, int column) {
        return switch (column) {
            case 0 -> Times.minute(op.at());
            case 1 -> switch (op.direction()) {
                case "API_TO_OMS" -> "HMS-API → HMS-OMS";
                case "OMS_TO_API" -> "HMS-OMS → HMS-API";
                default -> op.direction();
            };
            case 2 -> op.action();
            case 3 -> op.status() == null ? "" : op.status();
            case 4 -> op.outcome();
            case 5 -> op.lagMs() == null ? "" : op.lagMs() + " ms";
            default -> op.detail() == null ? "" : op.detail();
        };
    }
}
