package org.hms.hub.console.main;

import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.JButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import javax.swing.JToggleButton;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;
import org.hms.hub.console.audit.AuditPanel;
import org.hms.hub.console.client.AuditApi;
import org.hms.hub.console.client.ConnectorsApi;
import org.hms.hub.console.client.HubClient;
import org.hms.hub.console.client.Session;
import org.hms.hub.console.common.Theme;
import org.hms.hub.console.connectors.ConnectorsPanel;
import org.hms.hub.console.dashboard.DashboardPanel;
import org.hms.hub.console.settings.ConsoleSettings;

/** The console's window: who is logged in, the theme switch, and a tab per screen. */
public class MainFrame extends JFrame {

    private final JTabbedPane tabs = new JTabbedPane();
    private final DashboardPanel dashboard;
    private final ConnectorsPanel connectors;
    private final AuditPanel audit;
    private final org.hms.hub.console.mappings.MappingsPanel mappings;
    private final org.hms.hub.console.deadletters.DeadLettersPanel deadLetters;
    private final org.hms.hub.console.orders.OrdersPanel orders;

    public MainFrame(HubClient hub, ConsoleSettings settings, Runnable logout) {
        super("HMS Integration Hub — Console");
        Session session = hub.session();
        ConnectorsApi connectorsApi = new ConnectorsApi(hub);
        org.hms.hub.console.client.SyncApi syncApi = new org.hms.hub.console.client.SyncApi(hub);
        connectors = new ConnectorsPanel(connectorsApi, syncApi);
        dashboard = new DashboardPanel(connectorsApi, syncApi, this::openConnector);
        deadLetters = new org.hms.hub.console.deadletters.DeadLettersPanel(syncApi);
        audit = new AuditPanel(new AuditApi(hub));
        orders = new org.hms.hub.console.orders.OrdersPanel(new org.hms.hub.console.client.OrdersApi(hub));
        mappings = new org.hms.hub.console.mappings.MappingsPanel(new org.hms.hub.console.client.MappingsApi(hub));
        tabs.setName("tabs");
        tabs.addTab("Dashboard", dashboard);
        tabs.addTab("Connectors", connectors);
        tabs.addTab("Dead letters", deadLetters);
        tabs.addTab("Orders", orders);
        tabs.addTab("Mappings", mappings);
        tabs.addTab("Audit log", audit);
        tabs.addChangeListener(e -> refreshSelected());

        JToggleButton dark = new JToggleButton("Dark theme", settings.dark());
        dark.addActionListener(e -> {
            settings.dark(dark.isSelected());
            Theme.switchTo(dark.isSelected());
        });
        JButton out = new JButton("Log out");
        out.addActionListener(e -> {
            dispose();
            logout.run();
        });
        JPanel header = new JPanel(new MigLayout("insets 6 12 0 12, fillx", "[grow][][]"));
        header.add(new JLabel("<html><b>" + session.username() + "</b> · tenant " + session.tenant() + " · "
                + String.join(", ", session.roles().stream().sorted().toList()) + " · " + hub.base() + "</html>"));
        header.add(dark);
        header.add(out);

        JPanel content = new JPanel(new MigLayout("insets 0, fill", "[grow]", "[][grow,fill]"));
        content.add(header, "growx, wrap");
        content.add(tabs, "grow");
        setContentPane(content);
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        setBounds(settings.boundsOr("main", new Rectangle(80, 60, 1180, 760)));
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                settings.saveBounds("main", getBounds());
                dashboard.stop();
            }

            @Override
            public void windowOpened(WindowEvent e) {
                dashboard.start();
            }
        });
    }

    /** Switches to a tab by title, for the smoke tests and click-throughs. */
    public void showTab(String title) {
        tabs.setSelectedIndex(tabs.indexOfTab(title));
    }

    private void openConnector(long id) {
        showTab("Connectors");
        connectors.select(id);
    }

    private void refreshSelected() {
        java.awt.Component selected = tabs.getSelectedComponent();
        if (selected == connectors) {
            connectors.reload();
        } else if (selected == audit) {
            audit.reload();
        } else if (selected == deadLetters) {
            deadLetters.reload();
        } else if (selected == orders) {
            orders.reload();
        } else if (selected == mappings) {
            mappings.reload();
        } else if (selected == dashboard) {
            dashboard.reload();
        }
    }
}
