package org.hms.hub.console.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.swing.table.AbstractTableModel;
import org.hms.hub.model.audit.AuditEntryView;

/** Audit entries newest first; older pages are appended at the end. */
public class AuditTableModel extends AbstractTableModel {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String[] COLUMNS = {"Time", "Action", "Actor", "Tenant", "Correlation"};

    private final List<AuditEntryView> rows = new ArrayList<>();

    public void replace(List<AuditEntryView> entries) {
        rows.clear();
        rows.addAll(entries);
        fireTableDataChanged();
    }

    public void append(List<AuditEntryView> older) {
        int first = rows.size();
        rows.addAll(older);
        if (!older.isEmpty()) {
            fireTableRowsInserted(first, rows.size() - 1);
        }
    }

    public AuditEntryView at(int row) {
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
    public Object getValueAt(int row, int column) {
        AuditEntryView e = rows.get(row);
        return switch (column) {
            case 0 -> WHEN.format(e.occurredAt().atZoneSameInstant(ZoneId.systemDefault()));
            case 1 -> e.action();
            case 2 -> e.actor();
            case 3 -> e.tenant();
            default -> e.correlationId() == null ? "" : e.correlationId();
        };
    }
}
