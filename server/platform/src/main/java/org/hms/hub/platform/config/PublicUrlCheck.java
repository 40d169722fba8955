package org.hms.hub.platform.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Logger;

/** Checks {@code hub.public-url} when the hub starts: a malformed one stops the start with the reason. */
@Singleton
@Startup
public class PublicUrlCheck {

    private static final Logger LOG = Logger.getLogger(PublicUrlCheck.class.getName());

    @PostConstruct
    void check() {
        try {
            PublicUrl.configured().ifPresentOrElse(
                    url -> LOG.info(() -> "Public URL of this hub: " + url),
                    () -> LOG.info(PublicUrl.KEY + " is not set: connectors show their webhook path only, and "
                            + "external systems cannot be given a callback URL"));
        } catch (IllegalArgumentException e) {
            LOG.severe(e.getMessage());
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
