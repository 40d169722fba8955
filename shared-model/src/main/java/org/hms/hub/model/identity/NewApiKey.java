package org.hms.hub.model.identity;

/** {@code POST /api/users/{id}/api-keys}: what the key is for (e.g. "HMS-API order events"). */
public record NewApiKey(String name) {
}
