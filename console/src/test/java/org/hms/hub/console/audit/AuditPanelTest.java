package org.hms.hub.console.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.hms.hub.model.audit.AuditVerification;
import org.junit.jupiter.api.Test;

class AuditPanelTest {

    @Test
    void readsDaysAsLocalDaysWithAnInclusiveEndAndTimesAsTheyAre() {
        OffsetDateTime from = AuditPanel.time("2026-11-20", false);
        OffsetDateTime to = AuditPanel.time("2026-11-20", true);
        assertThat(java.time.Duration.between(from, to).toHours()).isEqualTo(24);
        assertThat(AuditPanel.time("2026-11-20T10:00:00Z", false)).isEqualTo(OffsetDateTime.parse("2026-11-20T10:00:00Z"));
        assertThat(AuditPanel.time(" ", false)).isNull();
        assertThatThrownBy(() -> AuditPanel.time("yesterday", false)).hasMessageContaining("'yesterday' is not a date");
    }

    @Test
    void tellsAnIntactChainFromABrokenOne() {
        assertThat(AuditPanel.verdict(new AuditVerification("north", null, null, 40, 1L, 40L, 0, true, null, null, null,
                null, OffsetDateTime.now()))).isEqualTo("The chain is intact: 40 entries checked (positions 1 to 40).");
        assertThat(AuditPanel.verdict(new AuditVerification("north", null, null, 2, 1L, 40L, 0, false, 3L, 77L, "e",
                "Its content does not match its hash.", OffsetDateTime.now())))
                .startsWith("The chain is BROKEN at position 3 (entry 77): Its content does not match its hash.");
    }
}
