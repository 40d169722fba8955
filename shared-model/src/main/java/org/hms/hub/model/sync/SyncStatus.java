package org.hms.hub.model.sync;

import java.time.OffsetDateTime;

/**
 * {@code GET /api/connectors/{id}/status}: how the connector's traffic is doing. Counts of deliveries to it;
 * {@code oldestUndeliveredSeconds} is the age of the oldest one not yet delivered ({@code null}: none);
 * {@code polling} is {@code null} for a connector that is not polled.
 */
public record SyncStatus(long connectorId, String status, OffsetDateTime lastSyncAt, OffsetDateTime lastSuccessAt,
                         String lastError, long queued, long inFlight, long retrying, Window lastHour,
                         Window lastDay, long openDeadLetters, CircuitState circuit, OffsetDateTime circuitOpenUntil,
                         Long oldestUndeliveredSeconds, Polling polling) {

    /** Deliveries that reached the system, and those that became dead letters, in a time window. */
    public record Window(long delivered, long failed) {
    }

    /** The polling state: watermark, last poll, next poll, last error. */
    public record Polling(String watermark, OffsetDateTime lastPollAt, OffsetDateTime lastSuccessAt,
                          OffsetDateTime nextPollAt, String lastError, long itemsPulled) {
    }
}
