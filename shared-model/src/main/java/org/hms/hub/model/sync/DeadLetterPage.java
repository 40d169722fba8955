package org.hms.hub.model.sync;

import java.util.List;

/** A page of dead letters, newest first, and the total that matches the filter. */
public record DeadLetterPage(List<DeadLetterView> items, long total, int offset, int limit) {
}
