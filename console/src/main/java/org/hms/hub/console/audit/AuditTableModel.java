package org.hms.hub.console.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.hms.hub.console.common.ListTableModel;
import org.hms.hub.model.audit.AuditEntryView;

/** Audit entries newest first; older pages are appended at the end. */
public class AuditTableModel extends ListTableModel<AuditEntryView> {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public AuditTableModel() {
        super("Time", "Action", "Actor", "Target", "Outcome", "Correlation");
    }

    public void replace(List<AuditEntryView> entries) {
        show(entries);
    }

    @Override
    protected Object value(AuditEntryView e, int column) {
        return switch (column) {
            case 0 -> WHEN.format(e.occurredAt().atZoneSameInstant(ZoneId.systemDefault()));
            case 1 -> e.action();
            case 2 -> e.actor();
            case 3 -> e.targetType() == null ? "" : e.targetType() + " " + e.targetId();
            case 4 -> e.outcome() == null ? "" : e.outcome();
            default -> e.correlationId() == null ? "" : e.correlationId();
        };
    }
}
