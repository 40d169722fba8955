package org.hms.hub.model.identity;

import java.time.OffsetDateTime;
import java.util.Set;

/** A user as the API shows it: never the password or its hash. */
public record UserView(long id, String tenant, String username, Set<String> roles, boolean enabled,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
}
