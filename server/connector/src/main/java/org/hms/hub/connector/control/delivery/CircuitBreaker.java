package org.hms.hub.connector.control.delivery;

import java.time.Duration;
import java.time.Instant;
import org.hms.hub.model.sync.CircuitState;

/**
 * The breaker in front of one connector: after {@code threshold} failed calls in a row it opens, and calls wait
 * for {@code openFor}; then one trial call is let through (half open) — success closes it, failure opens it again.
 * Thread-safe; pure (time is passed in).
 */
public final class CircuitBreaker {

    /** What {@link #record} changed, for the audit trail. */
    public enum Transition { NONE, OPENED, CLOSED }

    private final int threshold;
    private final Duration openFor;
    private CircuitState state = CircuitState.CLOSED;
    private int failures;
    private Instant openUntil;
    private boolean trialOut;

    public CircuitBreaker(int threshold, Duration openFor) {
        this.threshold = threshold;
        this.openFor = openFor;
    }

    /**
     * Whether a call may go now. {@code null}: yes; otherwise the time at which to ask again. In half-open state one
     * caller gets the trial; the others wait.
     */
    public synchronized Instant permit(Instant now) {
        if (state == CircuitState.OPEN) {
            if (now.isBefore(openUntil)) {
                return openUntil;
            }
            state = CircuitState.HALF_OPEN;
            trialOut = false;
        }
        if (state == CircuitState.HALF_OPEN) {
            if (trialOut) {
                return now.plusSeconds(2);
            }
            trialOut = true;
        }
        return null;
    }

    public synchronized Transition record(boolean success, Instant now) {
        if (success) {
            failures = 0;
            trialOut = false;
            if (state != CircuitState.CLOSED) {
                state = CircuitState.CLOSED;
                openUntil = null;
                return Transition.CLOSED;
            }
            return Transition.NONE;
        }
        failures++;
        if (state == CircuitState.HALF_OPEN || (state == CircuitState.CLOSED && failures >= threshold)) {
            state = CircuitState.OPEN;
            openUntil = now.plus(openFor);
            trialOut = false;
            return Transition.OPENED;
        }
        return Transition.NONE;
    }

    public synchronized CircuitState state(Instant now) {
        return state == CircuitState.OPEN && !now.isBefore(openUntil) ? CircuitState.HALF_OPEN : state;
    }

    public synchronized Instant openUntil() {
        return openUntil;
    }
}
