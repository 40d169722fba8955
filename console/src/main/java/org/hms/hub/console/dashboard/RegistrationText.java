package org.hms.hub.console.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hms.hub.model.sync.SyncStatus;

/** A connector's registration with its system (OAuth token, the hub's subscription there) in a line of words. */
final class RegistrationText {

    private RegistrationText() {
    }

    /** The line, or null when there is nothing to say (no OAuth, no subscription). */
    static String of(SyncStatus.Registration r) {
        if (r == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (r.auth() != null) {
            parts.add("OAuth " + (r.auth().equals("CONNECTED") ? "connected" : "failed: " + r.authReason()));
        }
        if (r.subscription() != null) {
            String state = r.subscription().toLowerCase(Locale.ROOT);
            parts.add("Subscription " + state + (r.subscriptionId() != null && r.subscription().equals("ACTIVE")
                    ? " (" + r.subscriptionId() + ")" : "")
                    + (r.subscriptionReason() != null ? ": " + r.subscriptionReason() : ""));
        }
        return parts.isEmpty() ? null : String.join(" · ", parts);
    }

    /** Whether the line reports a failure (shown in the error colour). */
    static boolean failing(SyncStatus.Registration r) {
        return r != null && ("ERROR".equals(r.auth()) || "ERROR".equals(r.subscription()));
    }
}
