package org.hms.hub.console.settings;

import java.awt.Rectangle;
import java.util.prefs.Preferences;

/** What the console remembers between runs (Java Preferences): server address, theme, window bounds. */
public final class ConsoleSettings {

    private static final String SERVER = "server";
    private static final String DARK = "dark";
    private static final String USER = "user";

    private final Preferences prefs;

    public ConsoleSettings() {
        this(Preferences.userRoot().node("org/hms/hub/console"));
    }

    public ConsoleSettings(Preferences prefs) {
        this.prefs = prefs;
    }

    public String server() {
        return prefs.get(SERVER, "http://127.0.0.1:8080");
    }

    public void server(String url) {
        prefs.put(SERVER, url);
    }

    public String lastUser() {
        return prefs.get(USER, "");
    }

    public void lastUser(String user) {
        prefs.put(USER, user);
    }

    public boolean dark() {
        return prefs.getBoolean(DARK, false);
    }

    public void dark(boolean on) {
        prefs.putBoolean(DARK, on);
    }

    public Rectangle boundsOr(String window, Rectangle fallback) {
        String value = prefs.get("bounds." + window, null);
        if (value == null) {
            return fallback;
        }
        String[] p = value.split(",");
        try {
            return new Rectangle(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                    Integer.parseInt(p[3]));
        } catch (RuntimeException corrupt) {
            return fallback;
        }
    }

    public void saveBounds(String window, Rectangle r) {
        prefs.put("bounds." + window, r.x + "," + r.y + "," + r.width + "," + r.height);
    }
}
