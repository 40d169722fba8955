package org.hms.hub.model.connector;

/** Inbound webhook settings as shown: the path the system posts to, never the secret. */
public record WebhookView(boolean enabled, WebhookStyle style, boolean secretSet, String path) {
}
