package org.hms.hub.connector.control.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;

/**
 * When to try a delivery again, from the connector's policy: the first delay doubling per attempt up to a cap,
 * with jitter (each delay is drawn between half and all of its nominal value, so that many deliveries failing
 * together do not come back together), never sooner than the system's {@code Retry-After}. Pure.
 *
 * @param maxAttempts all attempts, the first included
 */
public record RetryPolicy(int maxAttempts, long firstDelayMillis, double multiplier, long maxDelayMillis) {

    /** A {@code Retry-After} longer than this is not waited for in full. */
    public static final long MAX_RETRY_AFTER_MILLIS = Duration.ofHours(1).toMillis();
    public static final long DEFAULT_MAX_DELAY_MILLIS = Duration.ofMinutes(10).toMillis();

    /** What an answer means for a delivery. */
    public enum Verdict {
        DELIVERED,
        /** 408, 425, 429, 5xx, timeouts, connection failures. */
        RETRY,
        /** Any other status: the request itself is wrong; sending it again unchanged will not help. */
        REJECTED,
        /** 410: the target is gone for good. */
        GONE
    }

    public static RetryPolicy of(int retries, int firstDelayMillis) {
        return new RetryPolicy(retries + 1, firstDelayMillis, 2.0, DEFAULT_MAX_DELAY_MILLIS);
    }

    public static Verdict classify(int status) {
        if (status >= 200 && status < 300) {
            return Verdict.DELIVERED;
        }
        if (status == 410) {
            return Verdict.GONE;
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return Verdict.RETRY;
        }
        return Verdict.REJECTED;
    }

    public boolean exhausted(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }

    /** The wait before the next attempt, after {@code attemptsMade} attempts. */
    public long delayMillis(int attemptsMade, Long retryAfterMillis, DoubleSupplier random) {
        double nominal = firstDelayMillis * Math.pow(multiplier, Math.max(0, attemptsMade - 1));
        long capped = (long) Math.min(nominal, maxDelayMillis);
        long jittered = capped / 2 + (long) (random.getAsDouble() * (capped - capped / 2));
        if (retryAfterMillis != null) {
            jittered = Math.max(jittered, Math.min(retryAfterMillis, MAX_RETRY_AFTER_MILLIS));
        }
        return Math.max(jittered, 1);
    }

    /** A {@code Retry-After} value (seconds, or an HTTP date) as milliseconds from now; null when absent or unreadable. */
    public static Long retryAfterMillis(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Math.max(0, Long.parseLong(value)) * 1000;
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Math.max(0, Duration.between(now, at).toMillis());
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
