package org.hms.hub.console.deadletters;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.table.TableRowSorter;
import net.miginfocom.swing.MigLayout;
import org.hms.hub.console.client.SyncApi;
import org.hms.hub.console.common.Errors;
import org.hms.hub.console.common.Json;
import org.hms.hub.console.common.Work;
import org.hms.hub.model.sync.BulkResult;
import org.hms.hub.model.sync.DeadLetterReason;
import org.hms.hub.model.sync.DeadLetterView;

/**
 * What the hub gave up on: a filtered list (connector, reason, state) and, for the selected dead letter, its
 * error, headers and attempts and its payload pretty-printed in an editor. Save the corrected payload, replay or
 * discard it — or replay or discard every selected one after a confirmation, with progress.
 */
public class DeadLettersPanel extends JPanel {

    private final SyncApi api;
    private final DeadLettersTableModel model = new DeadLettersTableModel();
    private final JTable table = new JTable(model);
    private final JTextField connector = new JTextField(6);
    private final JComboBox<Object> reason = new JComboBox<>();
    private final JComboBox<String> state = new JComboBox<>(new String[] {"OPEN", "REPLAYED", "DISCARDED", "ALL"});
    private final JLabel count = new JLabel();
    private final JProgressBar busy = new JProgressBar();
    private final JLabel summary = new JLabel(" ");
    private final JTextArea details = new JTextArea(5, 40);
    private final JTextArea payload = new JTextArea(12, 40);
    private DeadLetterView shown;
    private long shownVersion;

    public DeadLettersPanel(SyncApi api) {
        super(new MigLayout("insets dialog, fill", "[grow]", "[][grow,fill][]"));
        this.api = api;
        reason.addItem("All reasons");
        Arrays.stream(DeadLetterReason.values()).forEach(reason::addItem);
        connector.putClientProperty("JTextField.placeholderText", "connector id");
        connector.addActionListener(e -> reload());
        reason.addActionListener(e -> reload());
        state.addActionListener(e -> reload());
        table.setName("deadLetters");
        table.setRowSorter(new TableRowSorter<>(model));
        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
        int[] widths = {50, 125, 70, 130, 90, 140, 65, 80, 320};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                open();
            }
        });
        busy.setIndeterminate(true);
        busy.setVisible(false);
        details.setEditable(false);
        details.setLineWrap(true);
        details.setWrapStyleWord(true);
        details.setName("deadLetterDetails");
        payload.setName("deadLetterPayload");
        payload.setFont(new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.PLAIN, payload.getFont().getSize()));

        JPanel detail = new JPanel(new MigLayout("insets 0, fill, wrap 1", "[grow,fill]", "[][80:120,grow 30][grow 70,fill][]"));
        detail.add(summary);
        detail.add(new JScrollPane(details), "grow");
        detail.add(new JScrollPane(payload), "grow");
        detail.add(button("Save payload", this::save), "split 3, growx 0");
        detail.add(button("Replay", this::replayShown), "growx 0");
        detail.add(button("Discard", this::discardShown), "growx 0");
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(table), detail);
        split.setResizeWeight(0.55);

        add(new JLabel("Connector"), "split 6");
        add(connector);
        add(reason);
        add(state);
        add(busy, "w 80!, hidemode 2");
        JButton refresh = button("Refresh", this::reload);
        refresh.setName("deadLetters.refresh");
        add(refresh, "wrap");
        add(split, "grow, wrap");
        add(button("Replay selected…", () -> bulk(true)), "split 3");
        add(button("Discard selected…", () -> bulk(false)));
        add(count, "gapleft push");
    }

    public void reload() {
        Long connectorId;
        try {
            connectorId = connector.getText().isBlank() ? null : Long.parseLong(connector.getText().strip());
        } catch (NumberFormatException e) {
            JOptionPane.showMessageDialog(this, "The connector is its id, a number.", "Dead letters",
                    JOptionPane.WARNING_MESSAGE);
            return;
        }
        DeadLetterReason r = reason.getSelectedItem() instanceof DeadLetterReason dr ? dr : null;
        String s = (String) state.getSelectedItem();
        busy.setVisible(true);
        Work.start(this, "Loading dead letters", () -> api.deadLetters(connectorId, r, s, 0, 200), page -> {
            busy.setVisible(false);
            model.show(page.items());
            count.setText(page.total() + " dead letter" + (page.total() == 1 ? "" : "s")
                    + (page.total() > page.items().size() ? " (newest " + page.items().size() + " shown)" : ""));
            clear();
        }, e -> {
            busy.setVisible(false);
            Errors.show(this, "Loading dead letters", e);
        });
    }

    private void open() {
        int[] rows = table.getSelectedRows();
        if (rows.length != 1) {
            clear();
            if (rows.length > 1) {
                summary.setText(rows.length + " dead letters selected");
            }
            return;
        }
        DeadLetterView row = model.at(table.convertRowIndexToModel(rows[0]));
        Work.start(this, "Loading dead letter " + row.id(), () -> api.deadLetter(row.id()), v -> {
            shown = v.value();
            shownVersion = v.version();
            summary.setText("<html><b>Dead letter " + shown.id() + "</b> — " + shown.reason() + ", " + shown.state()
                    + (shown.edited() ? ", payload edited" : "") + "</html>");
            StringBuilder text = new StringBuilder(shown.error());
            text.append("\n\nAttempts: ").append(shown.attempts());
            if (shown.httpStatus() != null) {
                text.append("   HTTP status: ").append(shown.httpStatus());
            }
            if (shown.deliveryId() != null) {
                text.append("   Delivery: ").append(shown.deliveryId());
            }
            if (shown.resolvedBy() != null) {
                text.append("\nResolved by ").append(shown.resolvedBy()).append(" at ")
                        .append(org.hms.hub.console.common.Times.minute(shown.resolvedAt()));
            }
            text.append("\n\nHeaders:");
            for (Map.Entry<String, String> h : shown.headers().entrySet()) {
                text.append("\n  ").append(h.getKey()).append(": ").append(h.getValue());
            }
            details.setText(text.toString());
            details.setCaretPosition(0);
            payload.setText(pretty(shown.payload()));
            payload.setCaretPosition(0);
            payload.setEditable(shown.state() == org.hms.hub.model.sync.DeadLetterState.OPEN);
        });
    }

    private static String pretty(String text) {
        if (text == null) {
            return "";
        }
        try {
            return Json.pretty(text);
        } catch (RuntimeException notJson) {
            return text;
        }
    }

    private void clear() {
        shown = null;
        summary.setText(" ");
        details.setText("");
        payload.setText("");
    }

    private void save() {
        if (shown == null) {
            return;
        }
        long id = shown.id();
        String text = payload.getText();
        Work.start(this, "Saving the payload of dead letter " + id, () -> api.edit(id, shownVersion, text), v -> open());
    }

    private void replayShown() {
        if (shown != null) {
            long id = shown.id();
            Work.start(this, "Replaying dead letter " + id, () -> api.replay(id), v -> reload());
        }
    }

    private void discardShown() {
        if (shown != null && confirm("Discard dead letter " + shown.id() + "? It will not be delivered.")) {
            long id = shown.id();
            Work.start(this, "Discarding dead letter " + id, () -> api.discard(id), v -> reload());
        }
    }

    private void bulk(boolean replay) {
        List<Long> ids = Arrays.stream(table.getSelectedRows()).mapToObj(r -> model.at(table.convertRowIndexToModel(r)))
                .map(DeadLetterView::id).toList();
        if (ids.isEmpty()) {
            JOptionPane.showMessageDialog(this, "Select dead letters first.", "Dead letters",
                    JOptionPane.INFORMATION_MESSAGE);
            return;
        }
        String verb = replay ? "Replay" : "Discard";
        if (!confirm(verb + " " + ids.size() + " dead letter" + (ids.size() == 1 ? "" : "s") + "?")) {
            return;
        }
        busy.setVisible(true);
        Work.start(this, verb + " dead letters", () -> replay ? api.replay(ids) : api.discard(ids),
                (BulkResult result) -> {
                    busy.setVisible(false);
                    JOptionPane.showMessageDialog(this, verb + "ed " + result.done().size()
                            + (result.skipped().isEmpty() ? "." : "; skipped " + result.skipped().size()
                            + " already resolved."), "Dead letters", JOptionPane.INFORMATION_MESSAGE);
                    reload();
                }, e -> {
                    busy.setVisible(false);
                    Errors.show(this, verb + " dead letters", e);
                });
    }

    private boolean confirm(String question) {
        return JOptionPane.showConfirmDialog(this, question, "Dead letters", JOptionPane.OK_CANCEL_OPTION,
                JOptionPane.QUESTION_MESSAGE) == JOptionPane.OK_OPTION;
    }

    private static JButton button(String label, Runnable action) {
        JButton b = new JButton(label);
        b.addActionListener(e -> action.run());
        return b;
    }
}
