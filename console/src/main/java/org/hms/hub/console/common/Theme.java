package org.hms.hub.console.common;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Color;
import javax.swing.UIManager;
import org.hms.hub.model.connector.ConnectorStatus;

/** Light and dark look, and the console's named colours from the theme files. */
public final class Theme {

    private Theme() {
    }

    public static void install(boolean dark) {
        FlatLaf.registerCustomDefaultsSource("org.hms.hub.console.themes");
        if (dark) {
            FlatDarkLaf.setup();
        } else {
            FlatLightLaf.setup();
        }
    }

    public static void switchTo(boolean dark) {
        install(dark);
        FlatLaf.updateUI();
    }

    public static Color status(ConnectorStatus status) {
        return UIManager.getColor("Hub.status." + status.name().toLowerCase(java.util.Locale.ROOT));
    }

    public static Color color(String key) {
        return UIManager.getColor(key);
    }
}
