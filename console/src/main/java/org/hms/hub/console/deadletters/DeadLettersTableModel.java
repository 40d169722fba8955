package org.hms.hub.console.deadletters;

import org.hms.hub.console.common.ListTableModel;
import org.hms.hub.console.common.Times;
import org.hms.hub.model.sync.DeadLetterView;

/** Dead letters, newest first. */
public class DeadLettersTableModel extends ListTableModel<DeadLetterView> {

    public DeadLettersTableModel() {
        super("Id", "When", "Connector", "Event", "Entity", "Reason", "Attempts", "State", "Error");
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return column == 0 || column == 2 || column == 6 ? Long.class : String.class;
    }

    @Override
    protected Object value(DeadLetterView d, int column) {
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
