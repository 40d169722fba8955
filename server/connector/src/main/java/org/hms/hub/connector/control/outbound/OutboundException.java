package org.hms.hub.connector.control.outbound;

/** An outbound call that did not get an answer, with a diagnosis in plain words (never a secret). */
public class OutboundException extends Exception {

    private final long latencyNanos;

    public OutboundException(String diagnosis, long latencyNanos, Throwable cause) {
        super(diagnosis, cause);
        this.latencyNanos = latencyNanos;
    }

    public long latencyNanos() {
        return latencyNanos;
    }
}
