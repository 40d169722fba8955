package org.hms.hub.platform.problem;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** A time given as a query parameter: ISO-8601 with an offset, or absent; anything else is a 400 naming it. */
public final class QueryTime {

    private QueryTime() {
    }

    public static OffsetDateTime parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(400, "Bad time", name + " must be an ISO-8601 time with offset, e.g. "
                    + "2026-11-22T10:00:00Z.");
        }
    }
}
