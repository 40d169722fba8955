package org.hms.hub.mapping.engine;

/** What one rule did on one run: the rule, its kind, the paths it read and wrote, and the outcome. */
public record Step(String rule, String kind, String from, String to, String outcome) {
}
