package org.hms.hub.console.common;

import java.util.ArrayList;
import java.util.List;
import javax.swing.table.AbstractTableModel;

/** A read-only table of records: the column names and how a row shows in each; the rest is here. */
public abstract class ListTableModel<T> extends AbstractTableModel {

    private final String[] columns;
    private final List<T> rows = new ArrayList<>();

    protected ListTableModel(String... columns) {
        this.columns = columns.clone();
    }

    /** Replaces every row. */
    public void show(List<T> items) {
        rows.clear();
        rows.addAll(items);
        fireTableDataChanged();
    }

    /** Adds rows at the end. */
    public void append(List<T> items) {
        int first = rows.size();
        rows.addAll(items);
        if (!items.isEmpty()) {
            fireTableRowsInserted(first, rows.size() - 1);
        }
    }

    public T at(int row) {
        return rows.get(row);
    }

    /** The row's value in the column. */
    protected abstract Object value(T row, int column);

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return columns.length;
    }

    @Override
    public String getColumnName(int column) {
        return columns[column];
    }

    @Override
    public Object getValueAt(int row, int column) {
        return value(rows.get(row), column);
    }
}
