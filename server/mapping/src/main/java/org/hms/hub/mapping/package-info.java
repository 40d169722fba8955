/**
 * The mapping module: Mapping definitions, transforms, JSON/XML/FHIR rendering, preview, validation.
 * <p>
 * Its top package is its API for other modules; {@code boundary}, {@code control} and {@code entity} below it
 * are internal. It depends on {@code shared-model} and {@code server/platform} only and talks to other modules
 * through events on {@code hub.events}.
 */
package org.hms.hub.mapping;
