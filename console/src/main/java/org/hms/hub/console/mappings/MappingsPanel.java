package org.hms.hub.console.mappings;

import jakarta.json.bind.JsonbException;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.ListSelectionModel;
import javax.swing.table.DefaultTableModel;
import net.miginfocom.swing.MigLayout;
import org.hms.hub.console.client.MappingsApi;
import org.hms.hub.console.common.Json;
import org.hms.hub.console.common.Work;
import org.hms.hub.model.mapping.MappingVersionView;
import org.hms.hub.model.mapping.MappingView;
import org.hms.hub.model.mapping.PreviewResult;

/**
 * Mappings: the list, the selected mapping's versions (any one shown, and re-activated) and definition, and a preview — sample input, output and
 * a per-rule trace side by side. A preview runs the definition as shown (edited or not); "Save as new version"
 * stores it (administrators).
 */
public class MappingsPanel extends JPanel {

    private final MappingsApi api;
    private final DefaultListModel<MappingView> mappings = new DefaultListModel<>();
    private final JList<MappingView> list = new JList<>(mappings);
    private final javax.swing.JComboBox<MappingVersionView> versions = new javax.swing.JComboBox<>();
    private final JTextArea definition = mono(8);
    private final JTextArea sample = mono(10);
    private final JTextArea output = mono(10);
    private final DefaultTableModel trace = new DefaultTableModel(new Object[] {"Rule", "Kind", "From", "To", "Outcome"}, 0) {
        @Override
        public boolean isCellEditable(int row, int column) {
            return false;
        }
    };
    private final JLabel problems = new JLabel(" ");

    public MappingsPanel(MappingsApi api) {
        super(new MigLayout("insets dialog, fill", "[grow]", "[grow,fill][]"));
        this.api = api;
        list.setName("mappings");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer((l, m, i, selected, focus) -> {
            JLabel label = new JLabel(m.name() + "  ·  " + m.resourceType() + " " + m.direction() + "  ·  v"
                    + m.activeVersion() + " of " + m.latestVersion());
            label.setOpaque(true);
            label.setBackground(selected ? l.getSelectionBackground() : l.getBackground());
            label.setForeground(selected ? l.getSelectionForeground() : l.getForeground());
            return label;
        });
        list.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                loadVersions();
            }
        });
        versions.setName("versions");
        versions.setRenderer((l, v, i, selected, focus) -> {
            JLabel label = new JLabel(v == null ? " " : "v" + v.version() + (v.active() ? " (active)" : "") + " by "
                    + v.createdBy() + (v.createdAt() == null ? "" : ", " + org.hms.hub.console.common.Times.minute(
                    v.createdAt())));
            label.setOpaque(true);
            label.setBackground(selected ? l.getSelectionBackground() : l.getBackground());
            label.setForeground(selected ? l.getSelectionForeground() : l.getForeground());
            return label;
        });
        versions.addActionListener(e -> {
            if (versions.getSelectedItem() instanceof MappingVersionView v) {
                definition.setText(Json.pretty(Json.write(v.definition())));
                definition.setCaretPosition(0);
            }
        });
        definition.setName("definition");
        sample.setName("sample");
        output.setName("output");
        output.setEditable(false);
        sample.setText("{\n  \"id\": 4711,\n  \"title\": \"Blood panel\"\n}");
        JTable traceTable = new JTable(trace);
        traceTable.setName("trace");

        JPanel right = new JPanel(new MigLayout("insets 0, fill, wrap 2", "[grow,fill][grow,fill]",
                "[][grow 30,fill][][grow 40,fill][][grow 30,fill][]"));
        right.add(new JLabel("Version"), "span 2, split 3");
        right.add(versions, "growx");
        right.add(button("Activate this version", this::activate), "growx 0");
        right.add(new JScrollPane(definition), "span 2, grow");
        right.add(new JLabel("Sample input"));
        right.add(new JLabel("Output"));
        right.add(new JScrollPane(sample), "grow");
        right.add(new JScrollPane(output), "grow");
        right.add(new JLabel("Trace"), "span 2");
        right.add(new JScrollPane(traceTable), "span 2, grow");
        right.add(problems, "span 2, wmin 0");
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(list), right);
        split.setResizeWeight(0.3);
        add(split, "grow, wrap");
        add(button("Refresh", this::reload), "split 3");
        add(button("Preview", this::preview));
        add(button("Save as new version", this::saveVersion));
    }

    public void reload() {
        Work.start(this, "Loading mappings", api::list, all -> {
            mappings.clear();
            all.forEach(mappings::addElement);
            if (!all.isEmpty() && list.getSelectedIndex() < 0) {
                list.setSelectedIndex(0);
            }
        });
    }

    private void loadVersions() {
        MappingView m = list.getSelectedValue();
        if (m == null) {
            return;
        }
        Work.start(this, "Loading versions", () -> api.versions(m.id()), all -> {
            versions.removeAllItems();
            all.forEach(versions::addItem);
            all.stream().filter(MappingVersionView::active).findFirst().ifPresent(versions::setSelectedItem);
        });
    }

    /** Re-activates the version shown (any earlier one; hub-admin). */
    private void activate() {
        MappingView m = list.getSelectedValue();
        if (m == null || !(versions.getSelectedItem() instanceof MappingVersionView v) || v.active()) {
            return;
        }
        if (JOptionPane.showConfirmDialog(this, "Make version " + v.version() + " of \"" + m.name() + "\" the active"
                + " one? Deliveries through this mapping use it from now on.", "Activate version",
                JOptionPane.OK_CANCEL_OPTION) == JOptionPane.OK_OPTION) {
            Work.start(this, "Activating version " + v.version(), () -> api.activate(m.id(), v.version()),
                    done -> reload());
        }
    }

    private void preview() {
        MappingView m = list.getSelectedValue();
        if (m == null) {
            return;
        }
        Object input;
        Map<String, Object> rules;
        try {
            String text = sample.getText().strip();
            // an XML document (or FHIR XML) goes as the text itself; JSON, FHIR JSON included, as JSON
            input = m.sourceFormat() != org.hms.hub.model.mapping.MappingFormat.JSON && text.startsWith("<") ? text
                    : Json.read(text, Object.class);
            rules = Json.readMap(definition.getText());
        } catch (JsonbException e) {
            problems.setText("The sample or the definition is not valid JSON: " + e.getMessage());
            return;
        }
        Work.start(this, "Previewing " + m.name(), () -> api.preview(m.id(), input, rules), this::show);
    }

    private void show(PreviewResult result) {
        output.setText(result.output() == null ? "(no output: a rule failed)" : Json.pretty(Json.write(result.output())));
        trace.setRowCount(0);
        for (PreviewResult.TraceStep s : result.trace()) {
            trace.addRow(new Object[] {s.rule(), s.kind(), s.from(), s.to(), s.outcome()});
        }
        List<String> lines = new ArrayList<>();
        result.errors().forEach(i -> lines.add("Error " + i.rule() + (i.path() == null ? "" : " " + i.path()) + ": " + i.message()));
        result.warnings().forEach(i -> lines.add("Warning " + i.rule() + ": " + i.message()));
        problems.setText(lines.isEmpty() ? "No errors or warnings." : "<html>" + String.join("<br>", lines) + "</html>");
    }

    private void saveVersion() {
        MappingView m = list.getSelectedValue();
        if (m == null) {
            return;
        }
        Map<String, Object> rules;
        try {
            rules = Json.readMap(definition.getText());
        } catch (JsonbException e) {
            problems.setText("The definition is not valid JSON: " + e.getMessage());
            return;
        }
        if (JOptionPane.showConfirmDialog(this, "Save this definition as a new, active version of \"" + m.name()
                + "\"?", "New version", JOptionPane.OK_CANCEL_OPTION) == JOptionPane.OK_OPTION) {
            Work.start(this, "Saving a new version", () -> api.addVersion(m.id(), rules), v -> reload());
        }
    }

    private static JTextArea mono(int rows) {
        JTextArea area = new JTextArea(rows, 30);
        area.setFont(new Font(Font.MONOSPACED, Font.PLAIN, area.getFont().getSize()));
        return area;
    }

    private static JButton button(String label, Runnable action) {
        JButton b = new JButton(label);
        b.addActionListener(e -> action.run());
        return b;
    }
}
