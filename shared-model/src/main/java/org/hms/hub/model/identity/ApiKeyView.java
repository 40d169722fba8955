package org.hms.hub.model.identity;

import java.time.OffsetDateTime;

/**
 * An API key of a service account. {@code key} — the whole {@code hk_…} value to send as {@code X-API-Key} — is
 * present only in the answer to its creation; the hub keeps its digest.
 */
public record ApiKeyView(long id, long userId, String name, String keyId, String key, OffsetDateTime createdAt,
                         String createdBy, OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {

    @Override
    public String toString() {
        return "ApiKeyView[" + id + " " + keyId + " " + name + "]";
    }
}
