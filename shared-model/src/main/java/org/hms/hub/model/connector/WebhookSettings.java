package org.hms.hub.model.connector;

/**
 * Inbound webhooks from this system: whether it sends them, how it signs them, and the signing secret
 * (write-only, e.g. {@code whsec_…}; stored in the vault; {@code null} on an update keeps the stored one).
 */
public record WebhookSettings(Boolean enabled, WebhookStyle style, String secret) {

    @Override
    public String toString() {
        return "WebhookSettings[enabled=" + enabled + ", style=" + style + ", secret=****]";
    }
}
