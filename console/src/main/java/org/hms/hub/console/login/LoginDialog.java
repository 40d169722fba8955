package org.hms.hub.console.login;

import java.awt.Frame;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPasswordField;
import javax.swing.JProgressBar;
import javax.swing.JTextField;
import javax.swing.SwingUtilities;
import javax.swing.SwingWorker;
import net.miginfocom.swing.MigLayout;
import org.hms.hub.console.client.HubClient;
import org.hms.hub.console.client.HubException;
import org.hms.hub.console.common.Theme;
import org.hms.hub.console.common.Work;
import org.hms.hub.console.settings.ConsoleSettings;

/**
 * Server address (remembered), user name and password → a logged-in client. Failures show under the fields in
 * plain words: a wrong password, an unreachable server, a TLS problem.
 */
public class LoginDialog extends JDialog {

    private final ConsoleSettings settings;
    private final JTextField server = new JTextField(28);
    private final JTextField user = new JTextField(18);
    private final JPasswordField password = new JPasswordField(18);
    private final JLabel message = new JLabel(" ");
    private final JProgressBar busy = new JProgressBar();
    private final JButton login = new JButton("Log in");
    private HubClient client;
    private SwingWorker<?, ?> running;

    public LoginDialog(Frame owner, ConsoleSettings settings) {
        super(owner, "HMS Integration Hub — log in", true);
        this.settings = settings;
        server.setText(settings.server());
        user.setText(settings.lastUser());
        server.setName("server");
        user.setName("user");
        password.setName("password");
        message.setName("message");
        message.setForeground(Theme.color("Hub.field.error"));
        busy.setIndeterminate(true);
        busy.setVisible(false);
        JButton cancel = new JButton("Cancel");
        cancel.addActionListener(e -> cancel());
        login.addActionListener(e -> submit());
        setLayout(new MigLayout("insets dialog, wrap 2", "[right][grow,fill]"));
        add(new JLabel("Server"));
        add(server);
        add(new JLabel("User name"));
        add(user);
        add(new JLabel("Password"));
        add(password);
        add(message, "skip, growx, wmin 0, wrap");
        add(busy, "skip, growx, hidemode 3");
        add(cancel, "skip, split 2, right, tag cancel");
        add(login, "tag ok");
        getRootPane().setDefaultButton(login);
        pack();
        setLocationRelativeTo(owner);
        SwingUtilities.invokeLater(() -> (user.getText().isEmpty() ? user : password).requestFocusInWindow());
    }

    /** Shows the dialog; the logged-in client, or null when the user cancelled. */
    public HubClient showAndLogin() {
        setVisible(true);
        return client;
    }

    private void submit() {
        message.setText(" ");
        HubClient candidate;
        try {
            candidate = new HubClient(HubClient.serverAddress(server.getText()));
        } catch (HubException e) {
            message.setText(e.getMessage());
            return;
        }
        String name = user.getText().strip();
        char[] secret = password.getPassword();
        setBusy(true);
        running = Work.start(this, "Logging in", () -> {
            try {
                return candidate.login(name, new String(secret));
            } finally {
                java.util.Arrays.fill(secret, '\0');
            }
        }, session -> {
            settings.server(server.getText().strip());
            settings.lastUser(name);
            client = candidate;
            dispose();
        }, e -> {
            setBusy(false);
            message.setText("<html>" + escape(e.getMessage()) + "</html>");
            password.selectAll();
            password.requestFocusInWindow();
            pack();
        });
    }

    private void cancel() {
        if (running != null) {
            running.cancel(true);
        }
        client = null;
        dispose();
    }

    private void setBusy(boolean on) {
        busy.setVisible(on);
        login.setEnabled(!on);
        pack();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Opens the dialog on its own, for a quick look. */
    public static void main(String[] args) {
        Theme.install(false);
        SwingUtilities.invokeLater(() -> {
            HubClient c = new LoginDialog(null, new ConsoleSettings()).showAndLogin();
            System.out.println(c == null ? "cancelled" : "logged in as " + c.session());
            System.exit(0);
        });
    }
}
