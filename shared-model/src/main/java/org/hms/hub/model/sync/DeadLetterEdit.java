package org.hms.hub.model.sync;

/** {@code PUT /api/dead-letters/{id}/payload}: the corrected payload (JSON) a replay will send. */
public record DeadLetterEdit(String payload) {
}
