package org.hms.hub.testsupport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Every password and secret the integration tests hand to the hub. Tests take them from here, and the log scan
 * that ends the IT run checks that none of them reached the server log.
 */
public final class TestSecrets {

    public static final String ALPHA_ADMIN = "Alpha-Admin-Passw0rd-41";
    public static final String BETA_ADMIN = "Beta-Admin-Passw0rd-93";
    public static final String USER = "Plain-User-Passw0rd-27";
    public static final String CHANGED = "Changed-Passw0rd-55x";
    public static final String WRONG = "Wrong-Guess-Passw0rd-08";
    public static final String VAULT_SECRET = "sk_live_VaultTestSecret_6b1f9e";
    public static final String CONNECTOR_API_KEY = "lab-api-key-ConnectorIT-51d2";
    public static final String CONNECTOR_CLIENT_SECRET = "oauth-client-secret-ConnectorIT-a8";
    public static final String CONNECTOR_TOKEN = "payment-token-ConnectorIT-3c7";
    public static final String CONNECTOR_PASSWORD = "lab-password-ConnectorIT-0e9";
    /** Standard Webhooks secrets (whsec_ + base64 of 32 bytes): a sender's, the one it rotates to, a stranger's. */
    public static final String WEBHOOK_SECRET = "whsec_U3luY0VuZ2luZUlULXdlYmhvb2stc2VjcmV0LTAx";
    public static final String WEBHOOK_SECRET_ROTATED = "whsec_U3luY0VuZ2luZUlULXJvdGF0ZWQtc2VjcmV0LTAy";
    public static final String WEBHOOK_SECRET_WRONG = "whsec_U3luY0VuZ2luZUlULXN0cmFuZ2Vycy1zZWNyZXQz";
    public static final String GITHUB_WEBHOOK_SECRET = "github-style-secret-SyncEngineIT-77";
    /** The secret the hub signs outbound webhooks to a WEBHOOK connector with. */
    public static final String OUTBOUND_WEBHOOK_SECRET = "whsec_U3luY0VuZ2luZUlULW91dGJvdW5kLXNlY3JldDA0";

    private TestSecrets() {
    }

    /** All of the above, and the initial administrator's password. */
    public static List<String> all() {
        List<String> out = new ArrayList<>();
        for (Field f : TestSecrets.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    out.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        out.add(Hub.adminPassword());
        return out;
    }
}
