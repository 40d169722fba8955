package org.hms.hub.mapping.engine;

/** A problem with one rule: which rule ({@code rules[2].rules[0]}), which path, and what is wrong. */
public record Issue(String rule, String path, String message) {

    @Override
    public String toString() {
        return rule + (path == null ? "" : " (" + path + ")") + ": " + message;
    }
}
