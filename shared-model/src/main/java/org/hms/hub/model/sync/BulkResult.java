package org.hms.hub.model.sync;

import java.util.List;

/** What a bulk replay or discard did: the dead letters acted on, and those skipped (already resolved). */
public record BulkResult(List<Long> done, List<Long> skipped) {
}
