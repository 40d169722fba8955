package org.hms.hub.app.incontainer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.audit.control.AuditTrail;
import org.hms.hub.model.audit.AuditVerification;
import org.hms.hub.model.event.HubEvent;
import org.hms.hub.model.event.SyncEvent;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the running hub: published events reach the audit trail in batches — every event once, each tenant's in
 * its own chain, in the order published — an event delivered again is not recorded twice, and a message on
 * {@code hub.events} that is no event does not hold up the events behind it.
 */
@ExtendWith(ArquillianExtension.class)
class AuditIntakeIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Deployment
    static WebArchive hub() {
        return Deployments.hubWithTests(AuditIntakeIT.class);
    }

    @EJB
    AuditProbe probe;

    @Inject
    AuditTrail trail;

    @Inject
    org.hms.hub.platform.tenancy.TenantContext tenantContext;

    private static String tenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static SyncEvent event(String tenant, int i) {
        return SyncEvent.of(tenant, "ProbePublished", "probe", 0, "Probe", Integer.toString(i), "success", null,
                Map.of("i", Integer.toString(i)));
    }

    @Test
    void recordsABurstOfTwoTenantsEventsOnceEachInTheirOwnChainsInTheOrderPublished() throws Exception {
        String a = tenant("burst-a");
        String b = tenant("burst-b");
        for (int round = 0; round < 6; round++) {
            List<HubEvent> published = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                published.add(event(a, round * 200 + i));
                if (i % 4 == 0) {
                    published.add(event(b, round * 50 + i / 4));
                }
            }
            probe.publish(published);
        }

        awaitCount(a, 1200);
        awaitCount(b, 300);
        AuditVerification chainA = trail.verify(a, null, null);
        AuditVerification chainB = trail.verify(b, null, null);
        assertThat(chainA.ok()).isTrue();
        assertThat(chainA.checked()).isEqualTo(1200);
        assertThat(chainB.ok()).isTrue();
        assertThat(chainB.checked()).isEqualTo(300);
        assertThat(probe.targetIdsInChainOrder(a)).as("tenant a's entries in the order published")
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 1200).mapToObj(Integer::toString)
                        .toList());
    }

    @Test
    void recordsAnEventDeliveredAgainOnlyOnce() throws Exception {
        String t = tenant("again");
        SyncEvent once = event(t, 1);
        probe.publish(List.of(once, once, event(t, 2)));
        awaitCount(t, 2);
        probe.publish(List.of(once, event(t, 3)));
        awaitCount(t, 3);
        Thread.sleep(3_000);
        assertThat(probe.count(t)).isEqualTo(3);
        tenantContext.set(t);
        assertThat(trail.find(once.eventId())).isPresent();
    }

    @Test
    void aMessageThatIsNoEventDoesNotHoldUpTheEventsBehindIt() throws Exception {
        String t = tenant("behind");
        probe.publishNoEvent("{\"not\":\"an event\"}");
        probe.publish(List.of(event(t, 1), event(t, 2)));
        awaitCount(t, 2);
        assertThat(trail.verify(t, null, null).ok()).isTrue();
    }

    private void awaitCount(String tenant, long expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        long count = probe.count(tenant);
        while (count < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            count = probe.count(tenant);
        }
        assertThat(count).as("audit entries of " + tenant).isEqualTo(expected);
    }
}
