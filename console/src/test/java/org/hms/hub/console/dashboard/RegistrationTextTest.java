package org.hms.hub.console.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.hms.hub.model.sync.SyncStatus;
import org.junit.jupiter.api.Test;

class RegistrationTextTest {

    @Test
    void saysTheSubscriptionIsActiveWithItsId() {
        SyncStatus.Registration r = new SyncStatus.Registration(null, null, "ACTIVE", "sub-7", null, null);

        assertThat(RegistrationText.of(r)).isEqualTo("Subscription active (sub-7)");
        assertThat(RegistrationText.failing(r)).isFalse();
    }

    @Test
    void saysWhyTheTokenOrTheSubscriptionFailed() {
        SyncStatus.Registration r = new SyncStatus.Registration("ERROR", "HTTP 401", "ERROR", null,
                "The hub has no public URL", null);

        assertThat(RegistrationText.of(r)).isEqualTo("OAuth failed: HTTP 401 · Subscription error: The hub has no public URL");
        assertThat(RegistrationText.failing(r)).isTrue();
    }

    @Test
    void saysNothingWhenThereIsNoRegistration() {
        assertThat(RegistrationText.of(null)).isNull();
        assertThat(RegistrationText.of(new SyncStatus.Registration(null, null, null, null, null, null))).isNull();
    }
}
