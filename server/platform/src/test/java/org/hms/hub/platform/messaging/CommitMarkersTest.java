package org.hms.hub.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CommitMarkersTest {

    private static final Pattern SHAPE = Pattern.compile("[0-9]{13}[0-9a-f]{16}");

    @Test
    void tokensAreThirteenDigitsOfTheirTimeAndSixteenRandomHexDigits() {
        Set<String> seen = new HashSet<>();
        for (long millis : new long[] {0L, 7L, 1_796_640_000_000L, 9_999_999_999_999L}) {
            for (int i = 0; i < 2000; i++) {
                String token = CommitMarkers.newToken(millis);
                assertTrue(SHAPE.matcher(token).matches(), token);
                assertEquals(String.format("%013d", millis), token.substring(0, 13));
                // the same as the formatter would write for the same random part
                assertEquals(String.format("%013d%016x", millis, Long.parseUnsignedLong(token.substring(13), 16)),
                        token);
                assertTrue(seen.add(token), "token made twice: " + token);
            }
        }
    }

    @Test
    void tokensSortByTheirTimeSoThatPruningIsOneRange() {
        String earlier = CommitMarkers.newToken(1_796_640_000_999L);
        String later = CommitMarkers.newToken(1_796_640_001_000L);
        assertTrue(earlier.compareTo(later) < 0);
        assertTrue(earlier.compareTo(String.format("%013d", 1_796_640_001_000L)) < 0);
        assertTrue(later.compareTo(String.format("%013d", 1_796_640_001_000L)) > 0);
    }
}
