package org.hms.hub.connector.control.delivery;

import java.util.Map;

/**
 * What one attempt got: the HTTP status ({@code null} when no answer came), the {@code Retry-After} asked for,
 * the error in words, the time to the answer, the headers sent (secrets masked) for a dead letter, and the id
 * the call created or found (when the delivery asked for one).
 */
public record Outcome(Integer status, Long retryAfterMillis, String error, long latencyNanos,
                      Map<String, String> sentHeaders, String resultId) {

    public Outcome(Integer status, Long retryAfterMillis, String error, long latencyNanos,
                   Map<String, String> sentHeaders) {
        this(status, retryAfterMillis, error, latencyNanos, sentHeaders, null);
    }

    public RetryPolicy.Verdict verdict() {
        return status == null ? RetryPolicy.Verdict.RETRY : RetryPolicy.classify(status);
    }
}
