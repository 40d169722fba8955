package org.hms.hub.console.deadletters;

import java.util.ArrayList;
import java.util.List;
import javax.swing.table.AbstractTableModel;
import org.hms.hub.console.common.Times;
import org.hms.hub.model.sync.DeadLetterView;

/** Dead letters, newest first. */
public class DeadLettersTableModel extends AbstractTableModel {

    private static final String[] COLUMNS = {"Id", "When", "Connector", "Event", "Entity", "Reason", "Attempts",
            "State", "Error"};

    private final List<DeadLetterView> rows = new ArrayList<>();

    public void show(List<DeadLetterView> letters) {
        rows.clear();
        rows.addAll(letters);
        fireTableDataChanged();
    }

    public DeadLetterView at(int row) {
        return rows.get(row);
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
        return column == 0 || column == 2 || column == 6 ? Long.class : String.class;
    }

    @Override
    public Object getValueAt(int row, int column) {
        DeadLetterView d = rows.get(row);
        return switch (column) {
            case 0 -> d.id();
            case 1 -> Times.minute(d.createdAt());
            case 2 -> d.connectorId();
            case 3 -> d.eventType() == null ? "" : d.eventType();
            case 4 -> d.entityKey() == null ? "" : d.entityKey();
            case 5 -> d.reason().name();
            case 6 -> (long) d.attempts();
            case 7 -> d.state().name();
            default -> d.error();
        };
    }
}
