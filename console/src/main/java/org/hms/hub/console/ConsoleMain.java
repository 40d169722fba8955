package org.hms.hub.console;

import javax.swing.SwingUtilities;
import org.hms.hub.console.client.HubClient;
import org.hms.hub.console.common.Theme;
import org.hms.hub.console.login.LoginDialog;
import org.hms.hub.console.main.MainFrame;
import org.hms.hub.console.settings.ConsoleSettings;

/**
 * Entry point of the ops console: the look and feel is installed before the first window, then the login
 * dialog, then the main window (and the login again after logging out).
 */
public final class ConsoleMain {

    private ConsoleMain() {
    }

    public static void main(String[] args) {
        ConsoleSettings settings = new ConsoleSettings();
        Theme.install(settings.dark());
        SwingUtilities.invokeLater(() -> start(settings));
    }

    static void start(ConsoleSettings settings) {
        LoginDialog login = new LoginDialog(null, settings);
        if (Boolean.getBoolean("hub.console.trace-start")) {
            login.addWindowListener(new java.awt.event.WindowAdapter() {
                @Override
                public void windowOpened(java.awt.event.WindowEvent e) {
                    long ms = System.currentTimeMillis()
                            - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("Login window shown " + ms + " ms after the JVM started");
                }
            });
        }
        HubClient hub = login.showAndLogin();
        if (hub == null) {
            System.exit(0);
            return;
        }
        MainFrame frame = new MainFrame(hub, settings, () -> start(settings));
        frame.setVisible(true);
    }
}
