package org.hms.hub.model.order;

/**
 * Sync lag over a window (webhook received → other side confirmed), in milliseconds; percentiles are null when
 * nothing was confirmed in the window.
 */
public record SyncLag(int minutes, long count, Long p50, Long p95, Long p99, Long max) {
}
