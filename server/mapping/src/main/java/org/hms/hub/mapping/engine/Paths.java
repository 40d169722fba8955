package org.hms.hub.mapping.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paths into a JSON document: a JSON Pointer ({@code /data/items/0/code}, RFC 6901) or a simple path
 * ({@code data.items[0].code}). Both become the same list of steps: object member names, or array indexes.
 */
final class Paths {

    private static final Pattern SIMPLE = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    private Paths() {
    }

    /** The steps of a path; throws {@link IllegalArgumentException} naming what is wrong with it. */
    static List<Object> parse(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("an empty path");
        }
        List<Object> steps = new ArrayList<>();
        if (path.equals("/")) {
            return steps;
        }
        if (path.startsWith("/")) {
            for (String token : path.substring(1).split("/", -1)) {
                String name = token.replace("~1", "/").replace("~0", "~");
                steps.add(name.matches("\\d+") ? (Object) Integer.valueOf(name) : name);
            }
            return steps;
        }
        Matcher m = SIMPLE.matcher(path);
        int at = 0;
        while (m.find()) {
            if (m.start() != at && !(path.charAt(at) == '.' && m.start() == at + 1)) {
                throw new IllegalArgumentException("'" + path + "' is not a JSON Pointer or a simple path");
            }
            steps.add(m.group(1) != null ? m.group(1) : Integer.valueOf(m.group(2)));
            at = m.end();
        }
        if (at != path.length() || steps.isEmpty()) {
            throw new IllegalArgumentException("'" + path + "' is not a JSON Pointer or a simple path");
        }
        return steps;
    }
}
