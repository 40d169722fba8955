package org.hms.hub.bench.noop;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The order benchmark's baseline (a): a bare Payara Micro application with one no-op endpoint. */
@ApplicationPath("/")
public class NoOpApplication extends Application {
}
