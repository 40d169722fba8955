package org.hms.hub.model.identity;

import java.time.OffsetDateTime;

/** A tenant: one hospital (or hospital group) whose data the hub keeps apart from every other's. */
public record TenantView(String id, String name, boolean active, OffsetDateTime createdAt) {
}
