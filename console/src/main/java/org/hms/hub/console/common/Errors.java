package org.hms.hub.console.common;

import java.awt.Component;
import javax.swing.JOptionPane;
import org.hms.hub.console.client.HubException;
import org.hms.hub.model.problem.Problem;

/** Failures as readable dialogs: what was being done, the hub's words, and its field messages. */
public final class Errors {

    private Errors() {
    }

    public static void show(Component owner, String what, HubException e) {
        JOptionPane.showMessageDialog(owner, message(what, e), title(e), JOptionPane.ERROR_MESSAGE);
    }

    static String message(String what, HubException e) {
        StringBuilder text = new StringBuilder(what).append(" failed.\n\n").append(e.getMessage());
        Problem p = e.problem();
        if (p != null && p.errors() != null) {
            for (Problem.FieldError error : p.errors()) {
                text.append("\n • ").append(error.field()).append(": ").append(error.message());
            }
        }
        return text.toString();
    }

    private static String title(HubException e) {
        return e.problem() != null && e.problem().title() != null ? e.problem().title() : switch (e.kind()) {
            case UNREACHABLE -> "Hub unreachable";
            case TLS -> "Secure connection failed";
            case FORBIDDEN -> "Not allowed";
            default -> "Error";
        };
    }
}
