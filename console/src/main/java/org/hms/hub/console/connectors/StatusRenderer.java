package org.hms.hub.console.connectors;

import java.awt.Component;
import javax.swing.JTable;
import javax.swing.table.DefaultTableCellRenderer;
import org.hms.hub.console.common.Theme;
import org.hms.hub.model.connector.ConnectorStatus;

/** A connector status in its colour (seed 002: active green, inactive grey, error red, testing yellow). */
public class StatusRenderer extends DefaultTableCellRenderer {

    @Override
    public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus,
                                                   int row, int column) {
        super.getTableCellRendererComponent(table, value, selected, focus, row, column);
        if (value instanceof ConnectorStatus status) {
            setText("● " + status.name());
            if (!selected) {
                setForeground(Theme.status(status));
            }
        }
        return this;
    }
}
