package org.hms.hub.connector.entity;

import org.hms.hub.model.connector.AuthType;
import org.hms.hub.model.connector.ConnectorType;
import org.hms.hub.model.connector.WebhookStyle;

/**
 * The client-settable part of a {@link Connector}, read and written field by field by the registry. Secrets
 * appear only as vault ids.
 */
public final class Settings {

    private final Connector c;

    Settings(Connector connector) {
        this.c = connector;
    }

    public String name() { return c.name; }
    public void name(String v) { c.name = v; }
    public ConnectorType type() { return c.type; }
    public void type(ConnectorType v) { c.type = v; }
    public String provider() { return c.provider; }
    public void provider(String v) { c.provider = v; }
    public String description() { return c.description; }
    public void description(String v) { c.description = v; }
    public String endpoint() { return c.endpoint; }
    public void endpoint(String v) { c.endpoint = v; }
    public boolean localNetwork() { return c.localNetwork; }
    public void localNetwork(boolean v) { c.localNetwork = v; }
    public AuthType authType() { return c.authType; }
    public void authType(AuthType v) { c.authType = v; }
    public Long apiKeySecret() { return c.apiKeySecret; }
    public void apiKeySecret(Long v) { c.apiKeySecret = v; }
    public String apiKeyHeader() { return c.apiKeyHeader; }
    public void apiKeyHeader(String v) { c.apiKeyHeader = v; }
    public String apiKeyQueryParam() { return c.apiKeyQueryParam; }
    public void apiKeyQueryParam(String v) { c.apiKeyQueryParam = v; }
    public String username() { return c.username; }
    public void username(String v) { c.username = v; }
    public Long passwordSecret() { return c.passwordSecret; }
    public void passwordSecret(Long v) { c.passwordSecret = v; }
    public Long tokenSecret() { return c.tokenSecret; }
    public void tokenSecret(Long v) { c.tokenSecret = v; }
    public String clientId() { return c.clientId; }
    public void clientId(String v) { c.clientId = v; }
    public Long clientSecretSecret() { return c.clientSecretSecret; }
    public void clientSecretSecret(Long v) { c.clientSecretSecret = v; }
    public String tokenUrl() { return c.tokenUrl; }
    public void tokenUrl(String v) { c.tokenUrl = v; }
    public String scopes() { return c.scopes; }
    public void scopes(String v) { c.scopes = v; }
    public String headersJson() { return c.headers; }
    public void headersJson(String v) { c.headers = v; }
    public int timeoutMs() { return c.timeoutMs; }
    public void timeoutMs(int v) { c.timeoutMs = v; }
    public int retryAttempts() { return c.retryAttempts; }
    public void retryAttempts(int v) { c.retryAttempts = v; }
    public int retryBackoffMs() { return c.retryBackoffMs; }
    public void retryBackoffMs(int v) { c.retryBackoffMs = v; }
    public String healthPath() { return c.healthPath; }
    public void healthPath(String v) { c.healthPath = v; }
    public String configJson() { return c.config; }
    public void configJson(String v) { c.config = v; }
    public boolean webhookEnabled() { return c.webhookEnabled; }
    public void webhookEnabled(boolean v) { c.webhookEnabled = v; }
    public WebhookStyle webhookStyle() { return c.webhookStyle; }
    public void webhookStyle(WebhookStyle v) { c.webhookStyle = v; }
    public Long webhookSecret() { return c.webhookSecret; }
    public void webhookSecret(Long v) { c.webhookSecret = v; }
    public Long webhookPreviousSecret() { return c.webhookPreviousSecret; }
    public void webhookPreviousSecret(Long v) { c.webhookPreviousSecret = v; }
    public java.time.OffsetDateTime webhookRotatedAt() { return c.webhookRotatedAt; }
    public void webhookRotatedAt(java.time.OffsetDateTime v) { c.webhookRotatedAt = v; }
}
