package org.hms.hub.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchSettingsTest {

    @Test
    void defaultsToEmbeddedBrokerAndH2FileUnderDataDirectory() {
        LaunchSettings s = LaunchSettings.parse(new String[0], Map.of());

        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.httpPort()).isEqualTo(8080);
        assertThat(s.dataDir()).isEqualTo(Path.of("data").toAbsolutePath().normalize());
        assertThat(s.dbUrl()).startsWith("jdbc:h2:file:" + s.dataDir().resolve("h2"));
        assertThat(s.dataSourceClass()).isEqualTo("org.hms.hub.platform.data.H2DataSource");
        assertThat(s.embeddedBroker()).isTrue();
        assertThat(s.brokerHostPort()).containsExactly("127.0.0.1", "61616");
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverDefaults() {
        LaunchSettings s = LaunchSettings.parse(new String[] {"--http-port", "9090", "--db-user=alice"},
                Map.of("HUB_HTTP_PORT", "7070", "HUB_DB_USER", "bob", "HUB_BROKER_PORT", "61617"));

        assertThat(s.httpPort()).isEqualTo(9090);
        assertThat(s.dbUser()).isEqualTo("alice");
        assertThat(s.brokerPort()).isEqualTo(61617);
    }

    @Test
    void selectsPostgresPlainDataSourceForPostgresUrl() {
        LaunchSettings s = LaunchSettings.parse(new String[] {"--db-url", "jdbc:postgresql://127.0.0.1:5432/hub"}, Map.of());

        assertThat(s.dataSourceClass()).isEqualTo("org.postgresql.ds.PGSimpleDataSource");
    }

    @Test
    void usesExternalBrokerWhenNamed() {
        LaunchSettings s = LaunchSettings.parse(new String[] {"--broker", "broker.local:61618"}, Map.of());

        assertThat(s.embeddedBroker()).isFalse();
        assertThat(s.brokerHostPort()).containsExactly("broker.local", "61618");
    }

    @Test
    void rejectsUnknownOptionBadPortAndUnsupportedDatabase() {
        assertThatThrownBy(() -> LaunchSettings.parse(new String[] {"--colour", "red"}, Map.of()))
                .isInstanceOf(LaunchSettings.UsageException.class).hasMessageContaining("--colour");
        assertThatThrownBy(() -> LaunchSettings.parse(new String[] {"--http-port", "99999"}, Map.of()))
                .hasMessageContaining("port number");
        assertThatThrownBy(() -> LaunchSettings.parse(new String[] {"--db-url", "jdbc:mysql://x/y"}, Map.of())
                .dataSourceClass()).hasMessageContaining("Unsupported database");
        assertThatThrownBy(() -> LaunchSettings.parse(new String[] {"--broker", "nohost"}, Map.of()).brokerHostPort())
                .hasMessageContaining("HOST:PORT");
    }
}
