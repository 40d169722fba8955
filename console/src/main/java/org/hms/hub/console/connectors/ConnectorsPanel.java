package org.hms.hub.console.connectors;

import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.table.TableRowSorter;
import net.miginfocom.swing.MigLayout;
import org.hms.hub.console.client.ConnectorsApi;
import org.hms.hub.console.common.Work;
import org.hms.hub.model.connector.ConnectorStatus;
import org.hms.hub.model.connector.ConnectorType;
import org.hms.hub.model.connector.ConnectorView;

/**
 * The connectors of the tenant: a sortable table filtered by type, status and text; create, edit, test,
 * switch on or off, delete. Changing needs hub-admin; the hub refuses what the user's roles do not allow.
 */
public class ConnectorsPanel extends JPanel {

    private final ConnectorsApi api;
    private final org.hms.hub.console.client.SyncApi sync;
    private final ConnectorsTableModel model = new ConnectorsTableModel();
    private final JTable table = new JTable(model);
    private final JComboBox<Object> type = new JComboBox<>();
    private final JComboBox<Object> status = new JComboBox<>();
    private final JTextField text = new JTextField(16);
    private final JLabel count = new JLabel();
    private final JProgressBar busy = new JProgressBar();

    public ConnectorsPanel(ConnectorsApi api, org.hms.hub.console.client.SyncApi sync) {
        super(new MigLayout("insets dialog, fill", "[grow]", "[][grow,fill][]"));
        this.api = api;
        this.sync = sync;
        type.addItem("All types");
        for (ConnectorType t : ConnectorType.values()) {
            type.addItem(t);
        }
        status.addItem("All statuses");
        for (ConnectorStatus s : ConnectorStatus.values()) {
            status.addItem(s);
        }
        type.addActionListener(e -> reload());
        status.addActionListener(e -> reload());
        text.addActionListener(e -> reload());
        text.putClientProperty("JTextField.placeholderText", "Search name, provider, description");
        table.setName("connectors");
        table.setRowSorter(new TableRowSorter<>(model));
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setDefaultRenderer(ConnectorStatus.class, new StatusRenderer());
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    edit();
                }
            }
        });
        busy.setIndeterminate(true);
        busy.setVisible(false);
        add(type, "split 5");
        add(status);
        add(text, "growx");
        add(busy, "w 80!, hidemode 2");
        add(button("Refresh", this::reload), "wrap");
        add(new JScrollPane(table), "grow, wrap");
        add(button("New…", this::create), "split 8");
        add(button("Edit…", this::edit));
        add(button("Test connection", this::test));
        add(button("Sync…", this::sync));
        add(button("Switch on", () -> switchTo(ConnectorStatus.ACTIVE)));
        add(button("Switch off", () -> switchTo(ConnectorStatus.INACTIVE)));
        add(button("Delete…", this::delete));
        add(count, "gapleft push");
    }

    public void reload() {
        ConnectorType t = type.getSelectedItem() instanceof ConnectorType ct ? ct : null;
        ConnectorStatus s = status.getSelectedItem() instanceof ConnectorStatus cs ? cs : null;
        busy.setVisible(true);
        Work.start(this, "Loading connectors", () -> api.list(t, s, text.getText(), 0, 200), page -> {
            busy.setVisible(false);
            model.show(page.items());
            count.setText(page.total() + " connector" + (page.total() == 1 ? "" : "s"));
        }, e -> {
            busy.setVisible(false);
            org.hms.hub.console.common.Errors.show(this, "Loading connectors", e);
        });
    }

    /** Selects the connector with this id, e.g. after a click on its dashboard card. */
    public void select(long id) {
        int row = model.indexOf(id);
        if (row >= 0) {
            int view = table.convertRowIndexToView(row);
            table.getSelectionModel().setSelectionInterval(view, view);
            table.scrollRectToVisible(table.getCellRect(view, 0, true));
        }
    }

    private ConnectorView selected() {
        int view = table.getSelectedRow();
        if (view < 0) {
            JOptionPane.showMessageDialog(this, "Select a connector first.", "Connectors", JOptionPane.INFORMATION_MESSAGE);
            return null;
        }
        return model.at(table.convertRowIndexToModel(view));
    }

    private void create() {
        ConnectorView created = new ConnectorForm(SwingUtilities.getWindowAncestor(this), api, null).showAndSave();
        if (created != null) {
            reload();
        }
    }

    private void edit() {
        ConnectorView chosen = selected();
        if (chosen != null) {
            Work.start(this, "Loading " + chosen.name(), () -> api.get(chosen.id()), current -> {
                if (new ConnectorForm(SwingUtilities.getWindowAncestor(this), api, current).showAndSave() != null) {
                    reload();
                }
            });
        }
    }

    private void test() {
        ConnectorView chosen = selected();
        if (chosen != null) {
            busy.setVisible(true);
            Work.start(this, "Testing " + chosen.name(), () -> api.test(chosen.id()), report -> {
                busy.setVisible(false);
                TestResultDialog.show(this, chosen.name(), report);
                reload();
            }, e -> {
                busy.setVisible(false);
                org.hms.hub.console.common.Errors.show(this, "Testing " + chosen.name(), e);
            });
        }
    }

    /** Asks for the mode and runs a manual sync, following its job to the end. */
    private void sync() {
        ConnectorView chosen = selected();
        if (chosen == null) {
            return;
        }
        Object[] modes = {"Full sync", "Resend missed", "Cancel"};
        int choice = JOptionPane.showOptionDialog(this, "<html><b>Full sync</b> pulls everything from "
                        + chosen.name() + " again (what the hub has seen is skipped).<br><b>Resend missed</b> sends "
                        + chosen.name() + " what did not reach it: its dead letters and waiting retries.</html>",
                "Sync " + chosen.name(), JOptionPane.DEFAULT_OPTION, JOptionPane.QUESTION_MESSAGE, null, modes,
                modes[1]);
        if (choice == 0 || choice == 1) {
            org.hms.hub.console.sync.SyncJobDialog.run(this, sync, chosen.id(), chosen.name(),
                    choice == 0 ? org.hms.hub.model.sync.SyncMode.FULL : org.hms.hub.model.sync.SyncMode.RESEND_MISSED);
            reload();
        }
    }

    private void switchTo(ConnectorStatus target) {
        ConnectorView chosen = selected();
        if (chosen != null) {
            Work.start(this, "Changing " + chosen.name(), () -> api.changeStatus(chosen.id(), target), v -> reload());
        }
    }

    private void delete() {
        ConnectorView chosen = selected();
        if (chosen != null && JOptionPane.showConfirmDialog(this, "Delete the connector \"" + chosen.name()
                + "\" and its stored credentials?\nThis cannot be undone.", "Delete connector",
                JOptionPane.OK_CANCEL_OPTION, JOptionPane.WARNING_MESSAGE) == JOptionPane.OK_OPTION) {
            Work.start(this, "Deleting " + chosen.name(), () -> {
                api.delete(chosen.id());
                return Boolean.TRUE;
            }, done -> reload());
        }
    }

    private static JButton button(String label, Runnable action) {
        JButton b = new JButton(label);
        b.addActionListener(e -> action.run());
        return b;
    }

}
