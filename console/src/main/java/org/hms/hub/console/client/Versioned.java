package org.hms.hub.console.client;

/** A resource and the version (ETag) it was read at, for a later conditional update. */
public record Versioned<T>(T value, long version) {
}
