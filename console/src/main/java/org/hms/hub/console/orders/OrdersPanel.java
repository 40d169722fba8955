package org.hms.hub.console.orders;

import java.util.List;
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
import org.hms.hub.console.client.OrdersApi;
import org.hms.hub.console.common.Errors;
import org.hms.hub.console.common.Times;
import org.hms.hub.console.common.Work;
import org.hms.hub.model.order.OrderDetail;
import org.hms.hub.model.order.OrderSyncState;
import org.hms.hub.model.order.OrderView;
import org.hms.hub.model.order.ReconcileReport;

/**
 * Orders across HMS-API and HMS-OMS: search by API order id, ext_code or OMS id, a status on either side and the
 * sync state; the selected order's two sides next to each other with its sync history below; and Reconcile now,
 * whose report is shown when it ends.
 */
public class OrdersPanel extends JPanel {

    private final OrdersApi api;
    private final OrdersTableModel model = new OrdersTableModel();
    private final JTable table = new JTable(model);
    private final HistoryTableModel historyModel = new HistoryTableModel();
    private final JTable history = new JTable(historyModel);
    private final JTextField query = new JTextField(12);
    private final JComboBox<String> status = new JComboBox<>(new String[] {"Any status", "pending", "processing",
        "fulfilled", "completed", "cancelled", "new", "in_progress"});
    private final JComboBox<Object> syncState = new JComboBox<>();
    private final JLabel count = new JLabel(" ");
    private final JLabel lag = new JLabel(" ");
    private final JProgressBar busy = new JProgressBar();
    private final JTextArea apiSide = side("orders.apiSide");
    private final JTextArea omsSide = side("orders.omsSide");
    private final JLabel heading = new JLabel(" ");

    public OrdersPanel(OrdersApi api) {
        super(new MigLayout("insets dialog, fill", "[grow]", "[][grow,fill][]"));
        this.api = api;
        syncState.addItem("Any sync state");
        for (OrderSyncState s : OrderSyncState.values()) {
            syncState.addItem(s);
        }
        query.setName("orders.query");
        query.putClientProperty("JTextField.placeholderText", "API id, ext_code or OMS id");
        query.addActionListener(e -> reload());
        status.addActionListener(e -> reload());
        syncState.addActionListener(e -> reload());
        table.setName("orders");
        table.setRowSorter(new TableRowSorter<>(model));
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                open();
            }
        });
        history.setName("orders.history");
        // fixed widths that show every value in full, the detail last; the pane scrolls sideways when narrower
        history.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
        int[] widths = {145, 180, 150, 80, 80, 70, 420};
        for (int i = 0; i < widths.length; i++) {
            history.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        busy.setIndeterminate(true);
        busy.setVisible(false);

        JPanel sides = new JPanel(new MigLayout("insets 0, fill, wrap 2", "[grow,fill][grow,fill]",
                "[][][grow 40,fill][][grow 60,fill]"));
        sides.add(heading, "span 2");
        sides.add(new JLabel("<html><b>HMS-API</b></html>"));
        sides.add(new JLabel("<html><b>HMS-OMS</b></html>"));
        sides.add(new JScrollPane(apiSide), "grow");
        sides.add(new JScrollPane(omsSide), "grow");
        sides.add(new JLabel("Sync history"), "span 2");
        sides.add(new JScrollPane(history), "span 2, grow");
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(table), sides);
        split.setResizeWeight(0.5);

        add(new JLabel("Find"), "split 7");
        add(query);
        add(status);
        add(syncState);
        add(busy, "w 80!, hidemode 2");
        JButton refresh = button("Refresh", this::reload);
        refresh.setName("orders.refresh");
        add(refresh);
        JButton reconcile = button("Reconcile now…", this::reconcile);
        reconcile.setName("orders.reconcile");
        add(reconcile, "gapleft push, wrap");
        add(split, "grow, wrap");
        add(count, "split 2");
        add(lag, "gapleft push");
    }

    public void reload() {
        String q = query.getText();
        String s = status.getSelectedIndex() == 0 ? null : (String) status.getSelectedItem();
        String state = syncState.getSelectedItem() instanceof OrderSyncState st ? st.name() : null;
        busy.setVisible(true);
        Work.start(this, "Loading orders", () -> new Loaded(api.search(q, s, state, 0, 200), api.lag(60)), loaded -> {
            busy.setVisible(false);
            model.show(loaded.page().items());
            count.setText(loaded.page().total() + " order" + (loaded.page().total() == 1 ? "" : "s")
                    + (loaded.page().total() > loaded.page().items().size() ? " (200 most recently changed shown)" : ""));
            var l = loaded.lag();
            lag.setText(l.count() == 0 ? "No change confirmed in the last hour" : "Sync lag, last hour: p50 " + l.p50()
                    + " ms · p95 " + l.p95() + " ms · p99 " + l.p99() + " ms (" + l.count() + " changes)");
            clear();
        }, e -> {
            busy.setVisible(false);
            Errors.show(this, "Loading orders", e);
        });
    }

    private record Loaded(org.hms.hub.model.order.OrderPage page, org.hms.hub.model.order.SyncLag lag) {
    }

    private void open() {
        int row = table.getSelectedRow();
        if (row < 0) {
            clear();
            return;
        }
        OrderView o = model.at(table.convertRowIndexToModel(row));
        Work.start(this, "Loading order " + o.apiOrderId(), () -> api.order(o.apiOrderId(), o.integrationId()),
                this::show);
    }

    private void show(OrderDetail d) {
        OrderView o = d.order();
        heading.setText("<html><b>Order " + o.apiOrderId() + "</b> — " + o.syncState()
                + (o.lastError() == null ? "" : ": " + o.lastError()) + "</html>");
        apiSide.setText("Order id:   " + o.apiOrderId() + "\nTitle:      " + nz(o.title()) + "\nStatus:     "
                + nz(o.apiStatus()) + "\nUpdated at: " + Times.minute(o.apiUpdatedAt()));
        omsSide.setText("Order id:   " + (o.omsOrderId() == null ? "— (not created yet)" : o.omsOrderId())
                + "\next_code:   " + o.extCode() + "\nStatus:     " + nz(o.omsStatus()) + "\nUpdated at: "
                + Times.minute(o.omsUpdatedAt()));
        historyModel.show(d.history());
    }

    private void clear() {
        heading.setText(" ");
        apiSide.setText("");
        omsSide.setText("");
        historyModel.show(List.of());
    }

    private void reconcile() {
        int answer = JOptionPane.showConfirmDialog(this, "Compare HMS-API and HMS-OMS for every order integration over"
                + " its look-back window, and repair what is safe (re-create missing HMS-OMS orders, re-apply the"
                + " newer status)?", "Reconcile now", JOptionPane.OK_CANCEL_OPTION, JOptionPane.QUESTION_MESSAGE);
        if (answer != JOptionPane.OK_OPTION) {
            return;
        }
        busy.setVisible(true);
        Work.start(this, "Reconciling orders", () -> api.reconcile(true), reports -> {
            busy.setVisible(false);
            JTextArea text = new JTextArea(summary(reports), 14, 60);
            text.setEditable(false);
            text.setName("orders.reconcileReport");
            JOptionPane.showMessageDialog(this, new JScrollPane(text), "Reconciliation report",
                    JOptionPane.INFORMATION_MESSAGE);
            reload();
        }, e -> {
            busy.setVisible(false);
            Errors.show(this, "Reconciling orders", e);
        });
    }

    /** The reports in words, one block per integration. */
    static String summary(List<ReconcileReport> reports) {
        if (reports.isEmpty()) {
            return "There is no order integration to reconcile.";
        }
        StringBuilder b = new StringBuilder();
        for (ReconcileReport r : reports) {
            b.append("Integration ").append(r.integrationId()).append(", ").append(Times.minute(r.from())).append(" to ")
                    .append(Times.minute(r.to())).append('\n');
            b.append("  read ").append(r.apiOrdersRead()).append(" HMS-API and ").append(r.omsOrdersRead())
                    .append(" HMS-OMS orders; repaired ").append(r.repaired()).append('\n');
            findings(b, "missing in HMS-OMS", r.missingInOms());
            findings(b, "status mismatches", r.statusMismatches());
            findings(b, "orphans in HMS-OMS", r.orphans());
            r.errors().forEach(e -> b.append("  error: ").append(e).append('\n'));
        }
        return b.toString();
    }

    private static void findings(StringBuilder b, String what, List<ReconcileReport.Finding> found) {
        b.append("  ").append(found.size()).append(' ').append(what).append('\n');
        for (ReconcileReport.Finding f : found) {
            b.append("    API ").append(nz(f.apiOrderId())).append(" / OMS ").append(nz(f.omsOrderId())).append(": ")
                    .append(nz(f.apiStatus())).append(" / ").append(nz(f.omsStatus())).append(" — ").append(f.action())
                    .append('\n');
        }
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }

    private static JTextArea side(String name) {
        JTextArea area = new JTextArea(5, 24);
        area.setEditable(false);
        area.setName(name);
        area.setFont(new java.awt.Font(java.awt.Font.MONOSPACED, java.awt.Font.PLAIN, area.getFont().getSize()));
        return area;
    }

    private static JButton button(String label, Runnable action) {
        JButton b = new JButton(label);
        b.addActionListener(e -> action.run());
        return b;
    }
}
