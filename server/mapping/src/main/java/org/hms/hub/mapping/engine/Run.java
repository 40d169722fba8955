package org.hms.hub.mapping.engine;

import java.util.ArrayList;
import java.util.List;

/** The state of one run: source and target documents, and what happened so far. */
final class Run {

    Object source;
    Object target;
    final List<Step> trace;
    final List<Issue> warnings;
    final List<Issue> errors;

    Run(Object source, Object target, List<Step> trace, List<Issue> warnings, List<Issue> errors) {
        this.source = source;
        this.target = target;
        this.trace = trace;
        this.warnings = warnings;
        this.errors = errors;
    }

    static Run of(Object source) {
        return new Run(source, new java.util.LinkedHashMap<String, Object>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>());
    }

    /** A run over one item of an array, sharing the record of what happened. */
    Run forItem(Object item) {
        return new Run(item, new java.util.LinkedHashMap<String, Object>(), trace, warnings, errors);
    }
}
