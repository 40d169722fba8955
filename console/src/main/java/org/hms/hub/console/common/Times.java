package org.hms.hub.console.common;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The console's one way of showing a time: the user's zone, to the minute. */
public final class Times {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Times() {
    }

    public static String minute(OffsetDateTime at) {
        return at == null ? "never" : MINUTE.format(at.atZoneSameInstant(ZoneId.systemDefault()));
    }
}
