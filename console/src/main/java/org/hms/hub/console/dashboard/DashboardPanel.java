package org.hms.hub.console.dashboard;

import java.awt.Color;
import java.awt.Cursor;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.function.LongConsumer;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.Timer;
import net.miginfocom.swing.MigLayout;
import org.hms.hub.console.client.ConnectorsApi;
import org.hms.hub.console.common.Theme;
import org.hms.hub.console.common.Work;
import org.hms.hub.model.connector.ConnectorPage;
import org.hms.hub.model.connector.ConnectorStats;
import org.hms.hub.model.connector.ConnectorView;

/**
 * A card per connector in its status colour, the counts on top, refreshed in the background every 20 s (the
 * bar on the right shows when). A click on a card opens the connector.
 */
public class DashboardPanel extends JPanel {

    private final ConnectorsApi api;
    private final org.hms.hub.console.client.SyncApi sync;
    private final LongConsumer open;
    private final JPanel cards = new JPanel(new MigLayout("insets 0, wrap 3, fillx",
            "[grow,fill,sg card][grow,fill,sg card][grow,fill,sg card]", "[top]"));
    private final JLabel summary = new JLabel(" ");
    private final ThroughputChart chart = new ThroughputChart();
    private final org.hms.hub.console.client.DeliveriesApi deliveries;
    private final JProgressBar refreshing = new JProgressBar();
    private final Timer timer = new Timer(20_000, e -> reload());
    private boolean loading;

    public DashboardPanel(ConnectorsApi api, org.hms.hub.console.client.SyncApi sync, LongConsumer open) {
        super(new MigLayout("insets dialog, fill", "[grow]", "[][190:190:][grow,fill]"));
        this.api = api;
        this.sync = sync;
        this.deliveries = new org.hms.hub.console.client.DeliveriesApi(sync.hub());
        this.open = open;
        refreshing.setIndeterminate(true);
        refreshing.setVisible(false);
        refreshing.setName("refreshing");
        summary.setName("summary");
        add(summary, "split 2, growx");
        add(refreshing, "w 80!, hidemode 0, wrap");
        add(chart, "grow, wrap");
        add(new JScrollPane(cards), "grow");
        timer.setInitialDelay(0);
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    public void reload() {
        if (loading) {
            return;
        }
        loading = true;
        refreshing.setVisible(true);
        Work.start(this, "Refreshing the dashboard", this::snapshot,
                snapshot -> {
                    loading = false;
                    refreshing.setVisible(false);
                    show(snapshot);
                }, e -> {
                    loading = false;
                    refreshing.setVisible(false);
                    summary.setText("Refresh failed: " + e.getMessage());
                });
    }

    private record Snapshot(ConnectorStats stats, ConnectorPage page,
                            java.util.Map<Long, org.hms.hub.model.sync.SyncStatus> statuses,
                            org.hms.hub.model.sync.Throughput throughput) {
    }

    /** Connectors and the traffic of each (at most the first 60 cards ask for their status). */
    private Snapshot snapshot() throws org.hms.hub.console.client.HubException {
        ConnectorPage page = api.list(null, null, null, 0, 200);
        java.util.Map<Long, org.hms.hub.model.sync.SyncStatus> statuses = new java.util.HashMap<>();
        for (ConnectorView c : page.items().stream().limit(60).toList()) {
            statuses.put(c.id(), sync.status(c.id()));
        }
        return new Snapshot(api.stats(), page, statuses, deliveries.perMinute(60));
    }

    private void show(Snapshot s) {
        ConnectorStats st = s.stats();
        summary.setText("<html><b>" + st.total() + "</b> connectors &nbsp; " + st.active() + " active &nbsp; "
                + st.inactive() + " inactive &nbsp; " + st.error() + " in error &nbsp; " + st.testing()
                + " testing</html>");
        chart.colours();
        chart.show(s.throughput());
        cards.removeAll();
        List<ConnectorView> connectors = s.page().items();
        if (connectors.isEmpty()) {
            cards.add(new JLabel("No connectors yet: create one on the Connectors tab."));
        }
        for (ConnectorView c : connectors) {
            cards.add(card(c, s.statuses().get(c.id())), "growx");
        }
        cards.revalidate();
        cards.repaint();
    }

    private JPanel card(ConnectorView c, org.hms.hub.model.sync.SyncStatus traffic) {
        Color colour = Theme.status(c.status());
        JPanel card = new JPanel(new MigLayout("insets 8 10 8 10, wrap 1", "[grow]"));
        card.setName("card." + c.id());
        card.setBackground(Theme.color("Hub.card.background"));
        card.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createMatteBorder(0, 5, 0, 0, colour),
                BorderFactory.createEmptyBorder()));
        JLabel name = new JLabel("<html><b>" + escape(c.name()) + "</b></html>");
        JLabel status = new JLabel("● " + c.status().name() + "   " + c.type().name());
        status.setForeground(colour);
        card.add(name);
        card.add(status);
        card.add(new JLabel("Last sync: " + (c.lastSyncedAt() == null ? "never"
                : org.hms.hub.console.common.Times.minute(c.lastSyncedAt()))));
        if (traffic != null) {
            JLabel numbers = new JLabel("<html>queued <b>" + (traffic.queued() + traffic.retrying()) + "</b> &nbsp; "
                    + "failed (1 h) <b>" + traffic.lastHour().failed() + "</b> &nbsp; delivered (1 h) "
                    + traffic.lastHour().delivered() + "</html>");
            numbers.setName("traffic." + c.id());
            card.add(numbers);
            if (traffic.circuit() != org.hms.hub.model.sync.CircuitState.CLOSED) {
                JLabel circuit = new JLabel("Circuit " + traffic.circuit().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ') + ": calls paused");
                circuit.setForeground(Theme.status(org.hms.hub.model.connector.ConnectorStatus.ERROR));
                card.add(circuit);
            }
            String registration = RegistrationText.of(traffic.registration());
            if (registration != null) {
                JLabel line = new JLabel("<html>" + escape(shorten(registration)) + "</html>");
                line.setName("registration." + c.id());
                if (RegistrationText.failing(traffic.registration())) {
                    line.setForeground(Theme.status(org.hms.hub.model.connector.ConnectorStatus.ERROR));
                }
                card.add(line, "wmin 0");
            }
        }
        if (c.lastError() != null) {
            JLabel error = new JLabel("<html>" + escape(shorten(c.lastError())) + "</html>");
            error.setForeground(Theme.status(org.hms.hub.model.connector.ConnectorStatus.ERROR));
            card.add(error, "wmin 0");
        }
        card.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
        card.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                open.accept(c.id());
            }
        });
        return card;
    }

    private static String shorten(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "…" : s;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
