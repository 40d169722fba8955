package org.hms.hub.console.connectors;

import java.util.ArrayList;
import java.util.List;
import javax.swing.table.AbstractTableModel;
import org.hms.hub.model.connector.ConnectorStatus;
import org.hms.hub.model.connector.ConnectorView;

/** The connectors of one page, a row each. */
public class ConnectorsTableModel extends AbstractTableModel {

    private static final String[] COLUMNS = {"Name", "Type", "Status", "Endpoint", "Auth", "Last sync", "Last error"};

    private List<ConnectorView> rows = new ArrayList<>();

    public void show(List<ConnectorView> connectors) {
        rows = new ArrayList<>(connectors);
        fireTableDataChanged();
    }

    public ConnectorView at(int row) {
        return rows.get(row);
    }

    public int indexOf(long id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return COLUMNS.length;
    }

    @Override
    public String getColumnName(int column) {
        return COLUMNS[column];
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return column == 2 ? ConnectorStatus.class : String.class;
    }

    @Override
    public Object getValueAt(int row, int column) {
        ConnectorView c = rows.get(row);
        return switch (column) {
            case 0 -> c.name();
            case 1 -> c.type().name();
            case 2 -> c.status();
            case 3 -> c.endpoint();
            case 4 -> c.authType().name();
            case 5 -> org.hms.hub.console.common.Times.minute(c.lastSyncedAt());
            default -> c.lastError() == null ? "" : c.lastError();
        };
    }
}
