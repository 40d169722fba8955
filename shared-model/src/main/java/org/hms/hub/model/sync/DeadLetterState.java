package org.hms.hub.model.sync;

/** OPEN dead letters wait for review; a replay or a discard resolves them. */
public enum DeadLetterState {
    OPEN, REPLAYED, DISCARDED
}
