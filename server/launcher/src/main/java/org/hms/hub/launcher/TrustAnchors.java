package org.hms.hub.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The certificate authorities the hub trusts when it calls external systems over HTTPS (connectors, FHIR servers,
 * the identity provider). Payara Micro brings a trust store of its own, frozen at its release, and logs every
 * expired certificate in it at each start, each with a full dump: since 2026-11-27 five of its roots have expired
 * and every start printed some 340 lines of warnings. An expired root can no longer vouch for any certificate, so
 * the hub trusts the JDK's store instead (kept current by JDK and operating-system updates) — or the store the
 * operator names with {@code -Djavax.net.ssl.trustStore}, for a hospital's own CA — less the roots that have
 * expired, which it names in one line. Payara Micro takes the store written here as its own.
 */
final class TrustAnchors {

    static final String STORE_PROPERTY = "javax.net.ssl.trustStore";
    static final String PASSWORD_PROPERTY = "javax.net.ssl.trustStorePassword";
    static final String TYPE_PROPERTY = "javax.net.ssl.trustStoreType";
    /** The password of the store written here: it holds only public certificates; Payara opens it with this one. */
    static final String PASSWORD = "changeit";

    /** What {@link #prepare} wrote: where from, how many certificates kept, and the aliases of those left out. */
    record Outcome(Path source, int kept, List<String> expired) {

        String describe() {
            String line = "Trusting " + kept + " certificate authorities from " + source;
            return expired.isEmpty() ? line
                    : line + "; left out " + expired.size() + " that have expired: " + String.join(", ", expired);
        }
    }

    private TrustAnchors() {
    }

    /**
     * Writes the trusted certificates of the configured store (or the JDK's) that are valid at {@code now} to
     * {@code target} and points the JVM's trust-store properties at it. Empty when no store is named and this JDK
     * has none (a trimmed runtime): Payara Micro's own store is used then, as before.
     */
    static Optional<Outcome> prepare(Path target, Date now) throws IOException, GeneralSecurityException {
        String named = System.getProperty(STORE_PROPERTY);
        boolean isNamed = named != null && !named.isBlank();
        Path source = isNamed ? Path.of(named) : jdkDefault();
        if (!isNamed && !Files.isRegularFile(source)) {
            return Optional.empty();
        }
        char[] sourcePassword = System.getProperty(PASSWORD_PROPERTY, PASSWORD).toCharArray();
        KeyStore in = load(source, sourcePassword);

        KeyStore out = KeyStore.getInstance("PKCS12");
        out.load(null, null);
        List<String> expired = new ArrayList<>();
        int kept = 0;
        for (String alias : Collections.list(in.aliases())) {
            if (!in.isCertificateEntry(alias)) {
                continue; // a trust store's business is trusted certificates; a private key here is not ours to copy
            }
            Certificate cert = in.getCertificate(alias);
            if (cert instanceof X509Certificate x509 && x509.getNotAfter().before(now)) {
                expired.add(alias);
                continue;
            }
            out.setCertificateEntry(alias, cert);
            kept++;
        }
        if (kept == 0) {
            throw new GeneralSecurityException(source + " holds no certificate authority that is still valid");
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (OutputStream os = Files.newOutputStream(partial)) {
            out.store(os, PASSWORD.toCharArray());
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.setProperty(STORE_PROPERTY, target.toAbsolutePath().toString());
        System.setProperty(PASSWORD_PROPERTY, PASSWORD);
        System.setProperty(TYPE_PROPERTY, "PKCS12");
        Collections.sort(expired);
        return Optional.of(new Outcome(source, kept, List.copyOf(expired)));
    }

    /** The JDK's trust store, as the JSSE default trust manager would find it without the system property. */
    static Path jdkDefault() {
        Path security = Path.of(System.getProperty("java.home"), "lib", "security");
        Path jsse = security.resolve("jssecacerts");
        return Files.isRegularFile(jsse) ? jsse : security.resolve("cacerts");
    }

    private static KeyStore load(Path source, char[] password) throws IOException, GeneralSecurityException {
        if (!Files.isRegularFile(source)) {
            throw new IOException("the trust store " + source + " does not exist");
        }
        try {
            // probes the format: the JDK's cacerts is JKS on some systems, PKCS12 on others
            return KeyStore.getInstance(source.toFile(), password);
        } catch (IOException e) {
            throw new IOException("the trust store " + source + " could not be read (is "
                    + PASSWORD_PROPERTY + " right?): " + e.getMessage(), e);
        }
    }
}
