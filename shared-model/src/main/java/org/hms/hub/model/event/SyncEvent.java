package org.hms.hub.model.event;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Something the sync engine did or refused: {@code action} is one of {@code WebhookReceived},
 * {@code WebhookRejected}, {@code DeliverySucceeded}, {@code DeliveryDeadLettered}, {@code SyncJobStarted},
 * {@code SyncJobFinished}, {@code SyncJobCancelled}, {@code DeadLetterEdited}, {@code DeadLetterReplayed},
 * {@code DeadLetterDiscarded}, {@code SubscriptionCreated}, {@code SubscriptionUpdated},
 * {@code SubscriptionDeleted}, {@code SubscriptionDisabled}, {@code CircuitOpened}, {@code CircuitClosed},
 * {@code PollFailed}, {@code InboundRejected}. The target is what it concerns ({@code targetType} Delivery,
 * DeadLetter, SyncJob, Subscription, Receipt, Connector). Details are small facts — ids, counts, statuses, a
 * payload digest — never payloads or secrets.
 */
public record SyncEvent(UUID eventId, String tenant, OffsetDateTime occurredAt, String action, String actor,
                        long connectorId, String targetType, String targetId, String outcome, String reason,
                        Map<String, String> details) implements HubEvent {

    public static SyncEvent of(String tenant, String action, String actor, long connectorId, String targetType,
                               String targetId, String outcome, String reason, Map<String, String> details) {
        return new SyncEvent(UUID.randomUUID(), tenant, OffsetDateTime.now(ZoneOffset.UTC), action, actor,
                connectorId, targetType, targetId, outcome, reason, withoutNulls(details));
    }

    private static Map<String, String> withoutNulls(Map<String, String> details) {
        if (details == null) {
            return Map.of();
        }
        Map<String, String> copy = new java.util.TreeMap<>();
        details.forEach((k, v) -> {
            if (k != null && v != null) {
                copy.put(k, v);
            }
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    @Override
    public String type() {
        return action;
    }
}
