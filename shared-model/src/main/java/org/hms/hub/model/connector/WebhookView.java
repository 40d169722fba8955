package org.hms.hub.model.connector;

/**
 * Inbound webhook settings as shown: the path the system posts to and, when {@code hub.public-url} is set, the
 * whole URL to give it; never the secret.
 */
public record WebhookView(boolean enabled, WebhookStyle style, boolean secretSet, String path, String url) {
}
