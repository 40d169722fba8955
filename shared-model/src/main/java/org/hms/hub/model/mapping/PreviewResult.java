package org.hms.hub.model.mapping;

import java.util.List;

/** A dry run's output (null when a rule failed), a step per rule, and the warnings and errors by rule and path. */
public record PreviewResult(Object output, List<TraceStep> trace, List<RuleIssue> warnings, List<RuleIssue> errors) {

    /** What one rule did. */
    public record TraceStep(String rule, String kind, String from, String to, String outcome) {
    }

    /** A problem with one rule. */
    public record RuleIssue(String rule, String path, String message) {
    }
}
