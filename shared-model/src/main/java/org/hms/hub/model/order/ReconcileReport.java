package org.hms.hub.model.order;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a reconciliation found and did: orders missing in HMS-OMS (re-created when repairing), status mismatches
 * (the newer side's status re-applied where the status model allows), orphans (OMS orders whose ext_code names
 * no HMS-API order; reported, never touched), and failures reading either system.
 */
public record ReconcileReport(long id, long integrationId, OffsetDateTime from, OffsetDateTime to, boolean repair,
                              OffsetDateTime startedAt, OffsetDateTime finishedAt, int apiOrdersRead,
                              int omsOrdersRead, List<Finding> missingInOms, List<Finding> statusMismatches,
                              List<Finding> orphans, int repaired, List<String> errors) {

    /** One finding: the order on each side as far as it exists, and what was done. */
    public record Finding(String apiOrderId, String omsOrderId, String apiStatus, String omsStatus, String action) {
    }
}
