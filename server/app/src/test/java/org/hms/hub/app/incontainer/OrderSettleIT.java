package org.hms.hub.app.incontainer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.order.control.StaleOperations;
import org.hms.hub.platform.tenancy.TenantContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the running hub: an order operation whose result message was lost (a stop between the two phases of the
 * commit that carried it) is settled from the sync engine's record of the call once it is old enough — and one
 * whose call is still under way is left alone.
 */
@ExtendWith(ArquillianExtension.class)
class OrderSettleIT {

    @Deployment
    static WebArchive hub() {
        return Deployments.hubWithTests(OrderSettleIT.class);
    }

    @EJB
    OrderProbe probe;

    @Inject
    StaleOperations stale;

    @Inject
    TenantContext tenant;

    @Test
    void settlesAnOperationWhoseCallEndedButWhoseResultMessageWasLost() throws Exception {
        String t = "settle-" + UUID.randomUUID().toString().substring(0, 8);
        long base = 900_000_000L + ThreadLocalRandom.current().nextLong(1_000_000) * 10;
        OffsetDateTime old = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30);
        probe.pendingOperation(t, base, base + 1, base + 2, "DELIVERED", old);
        probe.pendingOperation(t, base + 3, base + 4, base + 5, "QUEUED", old);
        OffsetDateTime young = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(5);
        probe.pendingOperation(t, base + 6, base + 7, base + 8, "DELIVERED", young);

        tenant.set(t);
        int settled = stale.settle(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10), 100);

        assertThat(settled).isEqualTo(1);
        assertThat(probe.state(base + 1)).as("ended call, result lost").isEqualTo("DONE/SYNCED/oms-" + base);
        assertThat(probe.state(base + 4)).as("call still queued").isEqualTo("PENDING/PENDING/null");
        assertThat(probe.state(base + 7)).as("result may still come").isEqualTo("PENDING/PENDING/null");
        assertThat(stale.settle(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10), 100)).isZero();
    }

    @Test
    void leavesAnotherTenantsOperationsAlone() throws Exception {
        String owner = "settle-" + UUID.randomUUID().toString().substring(0, 8);
        long base = 950_000_000L + ThreadLocalRandom.current().nextLong(1_000_000) * 10;
        probe.pendingOperation(owner, base, base + 1, base + 2, "DELIVERED",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30));

        tenant.set("settle-other-" + UUID.randomUUID().toString().substring(0, 8));

        assertThat(stale.settle(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10), 100)).isZero();
        assertThat(probe.state(base + 1)).isEqualTo("PENDING/PENDING/null");
    }
}
