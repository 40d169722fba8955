package org.hms.hub.console;

import com.formdev.flatlaf.FlatLightLaf;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;

/**
 * Entry point of the ops console. The look and feel is installed before the first window opens.
 * Its screens (login, dashboard, connectors, dead letters, audit, orders, mappings) come with their issue.
 */
public final class ConsoleMain {

    private ConsoleMain() {
    }

    public static void main(String[] args) {
        FlatLightLaf.setup();
        SwingUtilities.invokeLater(ConsoleMain::showMainWindow);
    }

    static JFrame showMainWindow() {
        JFrame frame = new JFrame("HMS Integration Hub — Console");
        JPanel content = new JPanel(new MigLayout("insets dialog, fill", "[center]", "[center]"));
        content.add(new JLabel("HMS Integration Hub console"), "wrap");
        frame.setContentPane(content);
        frame.setDefaultCloseOperation(WindowConstants.EXIT_ON_CLOSE);
        frame.setSize(960, 640);
        frame.setLocationByPlatform(true);
        frame.setVisible(true);
        return frame;
    }
}
