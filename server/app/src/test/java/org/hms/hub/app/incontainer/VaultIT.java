package org.hms.hub.app.incontainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.hms.hub.app.env.Deployments;
import org.hms.hub.platform.tenancy.TenantContext;
import org.hms.hub.platform.vault.KeyRotation;
import org.hms.hub.platform.vault.Vault;
import org.hms.hub.testsupport.TestSecrets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the running hub: the credential vault keeps no secret in clear in the database, binds each ciphertext
 * to its tenant, and after a key rotation every secret still reads back.
 */
@ExtendWith(ArquillianExtension.class)
class VaultIT {

    @Deployment
    static WebArchive hub() {
        return Deployments.hubWithTests(VaultIT.class).addClass(TestSecrets.class);
    }

    @Inject
    Vault vault;

    @Inject
    KeyRotation rotation;

    @Inject
    TenantContext tenant;

    @Resource(lookup = "java:app/jdbc/hub")
    DataSource database;

    @Test
    void storesNoSecretInClear() throws SQLException {
        tenant.set("vault-clear");
        long id = vault.store("connector.password", TestSecrets.VAULT_SECRET);

        Map<String, String> row = row(id);

        assertThat(row.get("ciphertext")).doesNotContain(TestSecrets.VAULT_SECRET)
                .doesNotContain(Base64.getEncoder().encodeToString(TestSecrets.VAULT_SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(row.get("key_id")).isNotBlank();
        assertThat(row.get("tenant_id")).isEqualTo("vault-clear");
        assertThat(vault.reveal(id)).isEqualTo(TestSecrets.VAULT_SECRET);
    }

    @Test
    void readsEverySecretAfterAKeyRotation() throws SQLException {
        tenant.set("vault-rotation");
        Map<Long, String> stored = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            stored.put(vault.store("webhook.secret", TestSecrets.VAULT_SECRET + i), TestSecrets.VAULT_SECRET + i);
        }
        String before = row(stored.keySet().iterator().next()).get("key_id");

        KeyRotation.Result result = rotation.rotate();

        assertThat(result.activeKey()).isNotEqualTo(before);
        assertThat(result.reencrypted()).isGreaterThanOrEqualTo(stored.size());
        for (Map.Entry<Long, String> secret : stored.entrySet()) {
            assertThat(row(secret.getKey()).get("key_id")).isEqualTo(result.activeKey());
            assertThat(vault.reveal(secret.getKey())).isEqualTo(secret.getValue());
        }
    }

    @Test
    void refusesACiphertextMovedToAnotherTenant() throws SQLException {
        tenant.set("vault-a");
        long a = vault.store("api.key", TestSecrets.VAULT_SECRET);
        tenant.set("vault-b");
        long b = vault.store("api.key", "something else entirely");
        try (Connection c = database.getConnection();
             PreparedStatement copy = c.prepareStatement(
                     "UPDATE hub_secret SET ciphertext = (SELECT ciphertext FROM hub_secret WHERE id = ?),"
                             + " key_id = (SELECT key_id FROM hub_secret WHERE id = ?) WHERE id = ?")) {
            copy.setLong(1, a);
            copy.setLong(2, a);
            copy.setLong(3, b);
            copy.executeUpdate();
        }

        assertThatThrownBy(() -> vault.reveal(b)).hasRootCauseInstanceOf(javax.crypto.AEADBadTagException.class);
    }

    @Test
    void hidesAnotherTenantsSecret() {
        tenant.set("vault-owner");
        long id = vault.store("api.key", TestSecrets.VAULT_SECRET);
        tenant.set("vault-other");

        assertThatThrownBy(() -> vault.reveal(id)).hasMessageContaining("There is no secret");
    }

    private Map<String, String> row(long id) throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement select = c.prepareStatement(
                     "SELECT tenant_id, key_id, ciphertext FROM hub_secret WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).as("row %s", id).isTrue();
                return Map.of("tenant_id", rs.getString(1), "key_id", rs.getString(2), "ciphertext", rs.getString(3));
            }
        }
    }
}
