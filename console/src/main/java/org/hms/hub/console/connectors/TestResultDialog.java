package org.hms.hub.console.connectors;

import java.awt.Component;
import java.time.format.DateTimeFormatter;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import net.miginfocom.swing.MigLayout;
import org.hms.hub.console.common.Theme;
import org.hms.hub.model.connector.ConnectionTest;
import org.hms.hub.model.connector.ConnectionTestReport;

/** A connection test's outcome: latency, diagnosis, what was learnt, and the latency history. */
final class TestResultDialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private TestResultDialog() {
    }

    static void show(Component owner, String name, ConnectionTestReport report) {
        ConnectionTest r = report.result();
        JPanel panel = new JPanel(new MigLayout("insets 0, wrap 2", "[right][grow,fill]"));
        JLabel outcome = new JLabel(r.success() ? "Connected" : "Failed");
        outcome.setForeground(Theme.status(report.status()));
        panel.add(new JLabel("Result"));
        panel.add(outcome);
        panel.add(new JLabel("Latency"));
        panel.add(new JLabel(r.latencyMs() + " ms" + (r.httpStatus() == null ? "" : " (HTTP " + r.httpStatus() + ")")));
        panel.add(new JLabel("Diagnosis"));
        panel.add(new JLabel("<html><div style='width:360px'>" + r.diagnosis() + "</div></html>"));
        if (r.detail() != null) {
            panel.add(new JLabel("Server"));
            panel.add(new JLabel(r.detail()));
        }
        panel.add(new JLabel("Status now"));
        panel.add(new JLabel(report.status().name()));
        StringBuilder history = new StringBuilder("<html>");
        for (ConnectionTest t : report.history()) {
            history.append(TIME.format(t.testedAt().atZoneSameInstant(java.time.ZoneId.systemDefault())))
                    .append("&nbsp;&nbsp;").append(t.success() ? "ok" : "failed").append("&nbsp;&nbsp;")
                    .append(t.latencyMs()).append(" ms<br>");
        }
        panel.add(new JLabel("Recent tests"), "top");
        panel.add(new JLabel(history.append("</html>").toString()));
        JOptionPane.showMessageDialog(owner, panel, "Connection test — " + name,
                r.success() ? JOptionPane.INFORMATION_MESSAGE : JOptionPane.WARNING_MESSAGE);
    }
}
