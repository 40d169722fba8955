package org.hms.hub.console.audit;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import net.miginfocom.swing.MigLayout;
import org.hms.hub.console.client.AuditApi;
import org.hms.hub.console.common.Errors;
import org.hms.hub.console.common.Work;
import org.hms.hub.model.audit.AuditEntryView;
import org.hms.hub.model.audit.AuditVerification;

/**
 * The audit trail, newest first, a page at a time: filters (time, actor, action, connector, outcome), the selected
 * entry in full, an export of the filtered trail to a CSV file of the user's choice, and the chain's verification.
 */
public class AuditPanel extends JPanel {

    private static final int PAGE = 100;

    private final AuditApi api;
    private final AuditTableModel model = new AuditTableModel();
    private final JTable table = new JTable(model);
    private final JTextArea detail = new JTextArea();
    private final JButton older = new JButton("Load older");
    private final JLabel shown = new JLabel();
    private final JTextField from = field("audit.from", 9, "from (yyyy-mm-dd)");
    private final JTextField to = field("audit.to", 9, "to (yyyy-mm-dd)");
    private final JTextField actor = field("audit.actor", 8, "actor");
    private final JTextField action = field("audit.action", 12, "action");
    private final JTextField connector = field("audit.connector", 6, "connector id");
    private final JComboBox<String> outcome = new JComboBox<>(new String[] {"Any outcome", "success", "failure"});
    private AuditApi.Filter filter = AuditApi.Filter.NONE;
    private String next;

    public AuditPanel(AuditApi api) {
        super(new MigLayout("insets dialog, fill", "[grow]", "[][grow,fill][]"));
        this.api = api;
        table.setName("audit");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.getSelectionModel().addListSelectionListener(e -> showDetail());
        detail.setEditable(false);
        detail.setName("detail");
        detail.setFont(new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.PLAIN, detail.getFont().getSize()));
        outcome.setName("audit.outcome");
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(table), new JScrollPane(detail));
        split.setResizeWeight(0.65);
        for (JTextField f : new JTextField[] {from, to, actor, action, connector}) {
            f.addActionListener(e -> reload());
        }
        add(from, "split 9");
        add(to);
        add(actor);
        add(action);
        add(connector);
        add(outcome);
        add(button("Search", "audit.search", this::reload));
        add(button("Export CSV…", "audit.export", this::export), "gapleft push");
        add(button("Verify chain", "audit.verify", this::verify), "wrap");
        add(split, "grow, wrap");
        add(button("Refresh", "audit.refresh", this::reload), "split 3");
        older.addActionListener(e -> loadOlder());
        add(older);
        add(shown, "gapleft push");
    }

    public void reload() {
        AuditApi.Filter f = filterOrWarn();
        if (f == null) {
            return;
        }
        filter = f;
        Work.start(this, "Loading the audit trail", () -> api.page(f, null, PAGE), page -> {
            model.replace(page.items());
            next = page.next();
            update();
        });
    }

    /** The filter as typed, or null after telling the user what is wrong with it. */
    private AuditApi.Filter filterOrWarn() {
        try {
            return readFilter();
        } catch (IllegalArgumentException e) {
            JOptionPane.showMessageDialog(this, e.getMessage(), "Audit log", JOptionPane.WARNING_MESSAGE);
            return null;
        }
    }

    /** The filter as typed: dates are days in this computer's zone ({@code to} inclusive), or ISO times. */
    AuditApi.Filter readFilter() {
        Long connectorId = null;
        if (!connector.getText().isBlank()) {
            try {
                connectorId = Long.parseLong(connector.getText().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The connector is its id, a number.");
            }
        }
        return new AuditApi.Filter(time(from.getText(), false), time(to.getText(), true), blank(actor.getText()),
                blank(action.getText()), connectorId, outcome.getSelectedIndex() == 0 ? null
                : (String) outcome.getSelectedItem());
    }

    static OffsetDateTime time(String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            LocalDate day = LocalDate.parse(t);
            return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
        } catch (DateTimeParseException notADay) {
            try {
                return OffsetDateTime.parse(t);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + t + "' is not a date (2026-11-22) or a time with offset"
                        + " (2026-11-22T10:00:00Z).");
            }
        }
    }

    private void loadOlder() {
        if (next != null) {
            String before = next;
            AuditApi.Filter f = filter;
            Work.start(this, "Loading older entries", () -> api.page(f, before, PAGE), page -> {
                model.append(page.items());
                next = page.next();
                update();
            });
        }
    }

    private void export() {
        AuditApi.Filter f = filterOrWarn();
        if (f == null) {
            return;
        }
        JFileChooser chooser = new JFileChooser();
        chooser.setSelectedFile(new java.io.File("audit-" + LocalDate.now() + ".csv"));
        if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        Path file = chooser.getSelectedFile().toPath();
        Work.start(this, "Exporting the audit trail to " + file.getFileName(), () -> api.exportCsv(f, file), bytes ->
                JOptionPane.showMessageDialog(this, "Exported to " + file + " (" + (bytes / 1024) + " KiB).",
                        "Audit export", JOptionPane.INFORMATION_MESSAGE), e -> Errors.show(this, "Exporting", e));
    }

    private void verify() {
        AuditApi.Filter f = filterOrWarn();
        if (f == null) {
            return;
        }
        Work.start(this, "Verifying the audit chain", () -> api.verify(f.from(), f.to()), v -> {
            JTextArea text = new JTextArea(verdict(v), 6, 50);
            text.setEditable(false);
            text.setLineWrap(true);
            text.setWrapStyleWord(true);
            text.setName("audit.verification");
            JOptionPane.showMessageDialog(this, new JScrollPane(text), "Audit chain", v.ok()
                    ? JOptionPane.INFORMATION_MESSAGE : JOptionPane.ERROR_MESSAGE);
        });
    }

    static String verdict(AuditVerification v) {
        if (v.ok()) {
            return v.checked() == 0 ? "No entries in the chosen range; nothing to verify."
                    : "The chain is intact: " + v.checked() + " entries checked (positions " + v.firstSeq() + " to "
                    + v.lastSeq() + (v.anchorSeq() > 0 ? ", after the retention anchor at " + v.anchorSeq() : "")
                    + ").";
        }
        return "The chain is BROKEN at position " + v.brokenSeq() + (v.brokenEntryId() == null ? ""
                : " (entry " + v.brokenEntryId() + ")") + ": " + v.problem() + "\n\n" + v.checked()
                + " entries before it were intact.";
    }

    private void update() {
        older.setEnabled(next != null);
        shown.setText(model.getRowCount() + " entries shown" + (next == null ? " (all)" : ""));
    }

    private void showDetail() {
        int row = table.getSelectedRow();
        if (row < 0) {
            detail.setText("");
            return;
        }
        AuditEntryView e = model.at(table.convertRowIndexToModel(row));
        StringBuilder b = new StringBuilder();
        b.append(e.action()).append(" — ").append(e.outcome() == null ? "" : e.outcome())
                .append(e.reason() == null ? "" : ": " + e.reason()).append('\n');
        b.append("Actor:      ").append(e.actor()).append(e.actorType() == null ? "" : " (" + e.actorType() + ")")
                .append('\n');
        if (e.targetType() != null) {
            b.append("Target:     ").append(e.targetType()).append(' ').append(e.targetId()).append('\n');
        }
        if (e.sourceAddress() != null || e.userAgent() != null) {
            b.append("From:       ").append(e.sourceAddress() == null ? "" : e.sourceAddress())
                    .append(e.userAgent() == null ? "" : "  " + e.userAgent()).append('\n');
        }
        b.append("Occurred:   ").append(e.occurredAt()).append("   recorded ").append(e.recordedAt()).append('\n');
        b.append("Event:      ").append(e.eventId()).append(e.correlationId() == null ? ""
                : "   correlation " + e.correlationId()).append('\n');
        if (e.seq() != null) {
            b.append("Chain:      #").append(e.seq()).append("  ").append(e.hash()).append('\n');
        }
        b.append('\n').append(pretty(e.details()));
        detail.setText(b.toString());
        detail.setCaretPosition(0);
    }

    static String pretty(String json) {
        if (json == null || json.isBlank()) {
            return "";
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            StringWriter out = new StringWriter();
            try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                    .createWriter(out)) {
                writer.write(value);
            }
            return out.toString().strip();
        } catch (RuntimeException notJson) {
            return json;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static JTextField field(String name, int columns, String placeholder) {
        JTextField f = new JTextField(columns);
        f.setName(name);
        f.putClientProperty("JTextField.placeholderText", placeholder);
        return f;
    }

    private static JButton button(String label, String name, Runnable action) {
        JButton b = new JButton(label);
        b.setName(name);
        b.addActionListener(e -> action.run());
        return b;
    }
}
