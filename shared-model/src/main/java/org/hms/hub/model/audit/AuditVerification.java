package org.hms.hub.model.audit;

import java.time.OffsetDateTime;

/**
 * The result of recomputing a tenant's hash chain over a range: how many entries were checked (positions
 * {@code firstSeq}…{@code lastSeq}), whether every link held, and otherwise the first broken one — its position,
 * entry id, event id and what is wrong (changed, missing, out of place). {@code anchorSeq} is where the chain
 * starts after retention pruned older entries.
 */
public record AuditVerification(String tenant, OffsetDateTime from, OffsetDateTime to, long checked, Long firstSeq,
                                Long lastSeq, long anchorSeq, boolean ok, Long brokenSeq, Long brokenEntryId,
                                String brokenEventId, String problem, OffsetDateTime verifiedAt) {
}
