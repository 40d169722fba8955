package org.hms.hub.model.sync;

import java.time.OffsetDateTime;

/**
 * {@code GET /api/connectors/{id}/status}: how the connector's traffic is doing. Counts of deliveries to it;
 * {@code oldestUndeliveredSeconds} is the age of the oldest one not yet delivered ({@code null}: none);
 * {@code polling} is {@code null} for a connector that is not polled; {@code registration} is {@code null} for one
 * that neither uses OAuth nor subscribes the hub with its system.
 */
public record SyncStatus(long connectorId, String status, OffsetDateTime lastSyncAt, OffsetDateTime lastSuccessAt,
                         String lastError, long queued, long inFlight, long retrying, Window lastHour,
                         Window lastDay, long openDeadLetters, CircuitState circuit, OffsetDateTime circuitOpenUntil,
                         Long oldestUndeliveredSeconds, Polling polling, Registration registration) {

    /** Deliveries that reached the system, and those that became dead letters, in a time window. */
    public record Window(long delivered, long failed) {
    }

    /**
     * The hub's registration with the connector's system: {@code auth} is {@code CONNECTED} or {@code ERROR} for
     * OAuth (its token fetched, or why not; {@code null} for other auth types); {@code subscription} is
     * {@code PENDING}, {@code REQUESTED} (created, not yet active), {@code ACTIVE}, {@code ERROR} or {@code OFF}
     * ({@code null} when the connector declares no subscription), with the system's id for it.
     */
    public record Registration(String auth, String authReason, String subscription, String subscriptionId,
                               String subscriptionReason, OffsetDateTime checkedAt) {
    }

    /** The polling state: watermark, last poll, next poll, last error. */
    public record Polling(String watermark, OffsetDateTime lastPollAt, OffsetDateTime lastSuccessAt,
                          OffsetDateTime nextPollAt, String lastError, long itemsPulled) {
    }
}
