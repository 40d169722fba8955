package org.hms.hub.model.sync;

/** The circuit breaker in front of one connector. */
public enum CircuitState {
    /** Calls go through. */
    CLOSED,
    /** The system failed repeatedly: calls wait until the breaker lets a trial call through. */
    OPEN,
    /** One trial call decides whether the breaker closes or opens again. */
    HALF_OPEN
}
