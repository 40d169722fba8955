package org.hms.hub.model.sync;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /api/deliveries/per-minute}: deliveries that reached their system and those that became dead
 * letters, per minute (UTC, oldest first, every minute of the window present).
 */
public record Throughput(List<Minute> minutes) {

    public record Minute(OffsetDateTime minute, long delivered, long failed) {
    }
}
