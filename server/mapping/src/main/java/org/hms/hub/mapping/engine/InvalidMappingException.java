package org.hms.hub.mapping.engine;

import java.util.List;

/** A mapping definition that cannot be used: every broken rule, by name, with what is wrong. */
public class InvalidMappingException extends RuntimeException {

    private final transient List<Issue> issues;

    public InvalidMappingException(List<Issue> issues) {
        super(issues.size() == 1 ? issues.get(0).toString() : issues.size() + " rules are invalid: " + issues);
        this.issues = List.copyOf(issues);
    }

    public List<Issue> issues() {
        return issues;
    }
}
