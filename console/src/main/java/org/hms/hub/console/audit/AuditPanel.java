package org.hms.hub.console.audit;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.ListSelectionModel;
import net.miginfocom.swing.MigLayout;
import org.hms.hub.console.client.AuditApi;
import org.hms.hub.console.common.Work;
import org.hms.hub.model.audit.AuditEntryView;

/** The audit trail, newest first, a page at a time; the selected entry's details pretty-printed. */
public class AuditPanel extends JPanel {

    private static final int PAGE = 100;

    private final AuditApi api;
    private final AuditTableModel model = new AuditTableModel();
    private final JTable table = new JTable(model);
    private final JTextArea detail = new JTextArea();
    private final JButton older = new JButton("Load older");
    private final JLabel shown = new JLabel();
    private Long next;

    public AuditPanel(AuditApi api) {
        super(new MigLayout("insets dialog, fill", "[grow]", "[grow,fill][]"));
        this.api = api;
        table.setName("audit");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.getSelectionModel().addListSelectionListener(e -> showDetail());
        detail.setEditable(false);
        detail.setName("detail");
        detail.setFont(new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.PLAIN, detail.getFont().getSize()));
        JSplitPane split = new JSplitPane(JSplitPane.VERTICAL_SPLIT, new JScrollPane(table), new JScrollPane(detail));
        split.setResizeWeight(0.65);
        add(split, "grow, wrap");
        JButton refresh = new JButton("Refresh");
        refresh.addActionListener(e -> reload());
        older.addActionListener(e -> loadOlder());
        add(refresh, "split 3");
        add(older);
        add(shown, "gapleft push");
    }

    public void reload() {
        Work.start(this, "Loading the audit trail", () -> api.page(null, PAGE), page -> {
            model.replace(page.items());
            next = page.next();
            update();
        });
    }

    private void loadOlder() {
        if (next != null) {
            Long before = next;
            Work.start(this, "Loading older entries", () -> api.page(before, PAGE), page -> {
                model.append(page.items());
                next = page.next();
                update();
            });
        }
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
        detail.setText("Event " + e.eventId() + "\nRecorded " + e.recordedAt() + "\n\n" + pretty(e.details()));
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
}
