package org.hms.hub.app.env;

import java.io.File;
import java.net.URISyntaxException;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The archives the integration tests deploy: the hub WAR exactly as the build packaged it, so the tests run
 * what ships, plus, for in-container tests, the test package and the assertion library.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive hub() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war")));
    }

    public static WebArchive hubWithTests(Class<?> testClass) {
        return hub().addPackage(testClass.getPackage()).addAsLibraries(jarOf(org.assertj.core.api.Assertions.class));
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
