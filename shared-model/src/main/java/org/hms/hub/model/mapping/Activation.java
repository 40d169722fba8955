package org.hms.hub.model.mapping;

/** {@code PUT /api/mappings/{id}/active}: the version to make active (any earlier one may be re-activated). */
public record Activation(int version) {
}
