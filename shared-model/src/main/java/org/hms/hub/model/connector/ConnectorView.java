package org.hms.hub.model.connector;

import java.time.OffsetDateTime;
import java.util.Map;

/** A connector as the API shows it: every setting, credentials masked. */
public record ConnectorView(long id, String tenant, String name, ConnectorType type, String provider,
                            String description, String endpoint, boolean localNetwork, AuthType authType,
                            CredentialsView credentials, Map<String, String> headers, int timeoutMs,
                            int retryAttempts, int retryBackoffMs, String healthPath, Map<String, Object> config,
                            WebhookView webhook, ConnectorStatus status, OffsetDateTime lastSyncedAt,
                            String lastError, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
}
