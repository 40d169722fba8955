package org.hms.hub.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustAnchorsTest {

    @TempDir
    Path dir;

    private Properties saved;

    @BeforeEach
    void keepProperties() {
        saved = (Properties) System.getProperties().clone();
        for (String p : List.of(TrustAnchors.STORE_PROPERTY, TrustAnchors.PASSWORD_PROPERTY, TrustAnchors.TYPE_PROPERTY)) {
            System.clearProperty(p);
        }
    }

    @AfterEach
    void restoreProperties() {
        System.setProperties(saved);
    }

    @Test
    void leavesOutExpiredAuthoritiesAndPointsTheJvmAtTheRest() throws Exception {
        Path source = dir.resolve("hospital-cas.p12");
        addAuthority(source, "hospital-root", "-1d", 3650);
        addAuthority(source, "retired-root", "-3y", 365);
        addKeyPair(source, "not-an-authority");
        System.setProperty(TrustAnchors.STORE_PROPERTY, source.toString());
        System.setProperty(TrustAnchors.PASSWORD_PROPERTY, "storepass1");
        Path target = dir.resolve("data/truststore.p12");

        TrustAnchors.Outcome outcome = TrustAnchors.prepare(target, new Date()).orElseThrow();

        assertThat(outcome.kept()).isEqualTo(1);
        assertThat(outcome.expired()).containsExactly("retired-root");
        assertThat(outcome.describe()).contains("1 certificate authorities from " + source)
                .contains("left out 1 that have expired: retired-root");
        KeyStore written = KeyStore.getInstance(target.toFile(), TrustAnchors.PASSWORD.toCharArray());
        assertThat(Collections.list(written.aliases())).containsExactly("hospital-root");
        assertThat(written.isCertificateEntry("hospital-root")).isTrue();
        assertThat(System.getProperty(TrustAnchors.STORE_PROPERTY)).isEqualTo(target.toAbsolutePath().toString());
        assertThat(System.getProperty(TrustAnchors.PASSWORD_PROPERTY)).isEqualTo(TrustAnchors.PASSWORD);
        assertThat(System.getProperty(TrustAnchors.TYPE_PROPERTY)).isEqualTo("PKCS12");
        assertThat(Files.exists(dir.resolve("data/truststore.p12.partial"))).isFalse();
    }

    @Test
    void trustsTheJdkStoreWhenNoneIsNamed() throws Exception {
        Path target = dir.resolve("truststore.p12");

        TrustAnchors.Outcome outcome = TrustAnchors.prepare(target, new Date()).orElseThrow();

        assertThat(outcome.source()).isEqualTo(TrustAnchors.jdkDefault());
        KeyStore jdk = KeyStore.getInstance(TrustAnchors.jdkDefault().toFile(), TrustAnchors.PASSWORD.toCharArray());
        assertThat(outcome.kept() + outcome.expired().size()).isEqualTo(jdk.size());
        assertThat(KeyStore.getInstance(target.toFile(), TrustAnchors.PASSWORD.toCharArray()).size())
                .isEqualTo(outcome.kept()).isPositive();
    }

    @Test
    void refusesANamedStoreThatDoesNotExist() {
        Path missing = dir.resolve("nowhere.p12");
        System.setProperty(TrustAnchors.STORE_PROPERTY, missing.toString());

        assertThatThrownBy(() -> TrustAnchors.prepare(dir.resolve("truststore.p12"), new Date()))
                .isInstanceOf(IOException.class).hasMessageContaining(missing.toString());
        assertThat(System.getProperty(TrustAnchors.STORE_PROPERTY)).isEqualTo(missing.toString());
    }

    @Test
    void refusesAStoreWhoseAuthoritiesHaveAllExpired() throws Exception {
        Path source = dir.resolve("old.p12");
        addAuthority(source, "retired-root", "-3y", 365);
        System.setProperty(TrustAnchors.STORE_PROPERTY, source.toString());
        System.setProperty(TrustAnchors.PASSWORD_PROPERTY, "storepass1");

        assertThatThrownBy(() -> TrustAnchors.prepare(dir.resolve("truststore.p12"), new Date()))
                .hasMessageContaining("no certificate authority that is still valid");
    }

    /** A self-signed CA certificate valid from {@code start} (keytool's relative form) for {@code days}, as a trusted entry. */
    private void addAuthority(Path store, String alias, String start, int days) throws Exception {
        Path keys = dir.resolve(alias + "-key.p12");
        Path cert = dir.resolve(alias + ".cer");
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-dname", "CN=" + alias, "-ext", "bc:c",
                "-startdate", start, "-validity", Integer.toString(days),
                "-keystore", keys.toString(), "-storetype", "PKCS12", "-storepass", "storepass1");
        keytool("-exportcert", "-alias", alias, "-file", cert.toString(),
                "-keystore", keys.toString(), "-storepass", "storepass1");
        keytool("-importcert", "-noprompt", "-alias", alias, "-file", cert.toString(),
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "storepass1");
    }

    private void addKeyPair(Path store, String alias) throws Exception {
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-dname", "CN=" + alias, "-validity", "30",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "storepass1");
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.add("-J-Xmx64m");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("keytool %s: %s", args[0], out).isZero();
    }
}
