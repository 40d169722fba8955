package org.hms.hub.model.event;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A security-relevant fact: a login, a token, a change to users, tenants or keys. Never carries a password,
 * token or key; {@code subject} names what the action concerned (a user name, a tenant id, a key id).
 *
 * @param action  one of the verbs in {@code docs/security.md}: {@code LoginSucceeded}, {@code LoginFailed},
 *                {@code LoginThrottled}, {@code TokenRefreshed}, {@code UserCreated}, {@code UserUpdated},
 *                {@code UserDeleted}, {@code TenantCreated}, {@code VaultKeyRotated}
 * @param actor   who did it (the user name, or {@code system})
 * @param address the caller's network address, when the action came through the API
 * @param outcome {@code success} or {@code failure}
 * @param reason  why it failed, in plain words; null on success
 */
public record SecurityEvent(UUID eventId, String tenant, OffsetDateTime occurredAt, String action, String actor,
                            String subject, String address, String userAgent, String outcome, String reason)
        implements HubEvent {

    public static SecurityEvent success(String tenant, String action, String actor, String subject, String address,
                                        String userAgent) {
        return new SecurityEvent(UUID.randomUUID(), tenant, OffsetDateTime.now(ZoneOffset.UTC), action, actor, subject,
                address, userAgent, "success", null);
    }

    public static SecurityEvent failure(String tenant, String action, String actor, String subject, String address,
                                        String userAgent, String reason) {
        return new SecurityEvent(UUID.randomUUID(), tenant, OffsetDateTime.now(ZoneOffset.UTC), action, actor, subject,
                address, userAgent, "failure", reason);
    }

    /** The audit action is the verb itself, not the record's name. */
    @Override
    public String type() {
        return action;
    }
}
