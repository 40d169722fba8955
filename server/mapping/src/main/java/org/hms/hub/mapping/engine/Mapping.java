package org.hms.hub.mapping.engine;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * A compiled mapping: declarative rules applied in order to a source document, building a target document.
 * Pure: no I/O, no state between runs, safe to share between threads.
 */
public final class Mapping {

    private final List<Rule> rules;

    Mapping(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public MappingResult apply(JsonValue source) {
        Run run = Run.of(Tree.of(source));
        for (Rule rule : rules) {
            rule.apply(run);
        }
        return new MappingResult(run.errors.isEmpty() ? Tree.toJson(run.target) : null, List.copyOf(run.trace),
                List.copyOf(run.warnings), List.copyOf(run.errors));
    }

    public int size() {
        return rules.size();
    }
}
