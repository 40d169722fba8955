package org.hms.hub.launcher;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs Payara Micro from its runtime modules unpacked beside the launcher ({@code payara/runtime}, done by the
 * build), loaded by the JVM's own class loader, as Payara's {@code --outputlauncher} launcher does.
 * <p>
 * Embedded through {@code PayaraMicro.getInstance()} alone, Payara loads its 320 modules from inside
 * {@code payara-micro.jar} through a class loader of nested {@code jar:} URLs: every class or resource it does not
 * find in the first module (the common case: a look-up walks the modules in order, and the application's own
 * classes are looked for in Payara first) costs a URL, a connection and a lookup per module. That was about a fifth
 * of the start's main-thread time. From plain files the same look-up is a hash probe per jar.
 * <p>
 * The build writes {@code payara/payara-runtime.jar}, a jar with only a manifest whose {@code Class-Path} names the
 * modules; the launcher's manifest names that jar, so the modules are on the class path from the JVM's start. This
 * class tells Payara to build its module registry from the same list ({@code fish.payara.micro.BootJar}), where the
 * modules are ({@code fish.payara.micro.UnpackDir}: Payara's {@code server.policy} grants its own code all
 * permissions there, which its secured services check), and creates Payara's instance from that class loader, which
 * {@code PayaraMicro.getInstance()} then returns.
 */
final class PayaraRuntime {

    static final String BOOT_JAR_PROPERTY = "fish.payara.micro.BootJar";
    static final String UNPACK_DIR_PROPERTY = "fish.payara.micro.UnpackDir";
    private static final String IMPLEMENTATION = "fish.payara.micro.impl.PayaraMicroImpl";

    private PayaraRuntime() {
    }

    /**
     * Points Payara at the unpacked runtime under {@code home/payara} and creates its instance there.
     *
     * @throws IllegalStateException when the runtime is not there or not on the class path (the hub is not built,
     *         or was started other than with {@code java -jar hms-hub.jar})
     */
    static void prepare(Path home) {
        Path dir = home.resolve("payara").toAbsolutePath().normalize();
        Path bootJar = dir.resolve("payara-runtime.jar");
        if (!Files.isRegularFile(bootJar) || !Files.isDirectory(dir.resolve("runtime"))) {
            throw new IllegalStateException(bootJar + " or " + dir.resolve("runtime")
                    + " is missing; " + Main.BUILD_FIRST);
        }
        Class<?> implementation;
        try {
            implementation = Class.forName(IMPLEMENTATION, false, PayaraRuntime.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Payara Micro's runtime (" + dir.resolve("runtime")
                    + ") is not on the class path; start the hub with java -jar " + home.resolve("hms-hub.jar"), e);
        }
        System.setProperty(BOOT_JAR_PROPERTY, bootJar.toUri().toString());
        System.setProperty(UNPACK_DIR_PROPERTY, dir.toString());
        try {
            // registers itself as the instance PayaraMicro.getInstance() returns
            implementation.getMethod("getInstance").invoke(null);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Payara Micro could not be created: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This Payara Micro cannot be created from its unpacked runtime: " + e, e);
        }
    }
}
