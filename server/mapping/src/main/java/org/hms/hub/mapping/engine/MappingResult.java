package org.hms.hub.mapping.engine;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * One run of a mapping: the output (when no error stopped it), a step per rule applied, and the warnings and
 * errors by rule and path. Output with errors must not be sent anywhere.
 */
public record MappingResult(JsonValue output, List<Step> trace, List<Issue> warnings, List<Issue> errors) {

    public boolean ok() {
        return errors.isEmpty();
    }
}
