package org.hms.hub.model.sync;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Which open dead letters a bulk replay or discard acts on: the listed {@code ids}, or — when no ids are given —
 * every open one matching the filter (connector, reason, time). A filter that matches everything must say so with
 * {@code all: true}.
 */
public record DeadLetterSelection(List<Long> ids, Long connectorId, DeadLetterReason reason, OffsetDateTime from,
                                  OffsetDateTime to, Boolean all) {
}
