package org.hms.hub.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Payara's services start on one thread (its threaded start can fail on a race inside HK2), unless the operator says otherwise. */
class StartupThreadPolicyTest {

    @AfterEach
    void clear() {
        System.clearProperty(Main.STARTUP_THREAD_POLICY);
    }

    @Test
    void startsPayarasServicesOnOneThread() {
        System.clearProperty(Main.STARTUP_THREAD_POLICY);

        Main.startServicesOnOneThread();

        assertThat(System.getProperty(Main.STARTUP_THREAD_POLICY)).isEqualTo("USE_NO_THREADS");
    }

    @Test
    void keepsThePolicyAnOperatorChose() {
        System.setProperty(Main.STARTUP_THREAD_POLICY, "FULLY_THREADED");

        Main.startServicesOnOneThread();

        assertThat(System.getProperty(Main.STARTUP_THREAD_POLICY)).isEqualTo("FULLY_THREADED");
    }
}
