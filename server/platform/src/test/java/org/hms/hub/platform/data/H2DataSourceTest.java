package org.hms.hub.platform.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.XADataSource;
import org.junit.jupiter.api.Test;

class H2DataSourceTest {

    @Test
    void isOfferedToTheServerAsAPlainDataSourceNeverAsXa() {
        assertThat(new H2DataSource()).isNotInstanceOf(XADataSource.class)
                .isNotInstanceOf(javax.sql.ConnectionPoolDataSource.class);
    }

    @Test
    void connectsWithTheConfiguredUrlAndUser() throws Exception {
        H2DataSource ds = new H2DataSource();
        ds.setUrl("jdbc:h2:mem:ds-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("hub");
        ds.setPassword("secret");

        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT CURRENT_USER")) {
            r.next();
            assertThat(r.getString(1)).isEqualToIgnoringCase("hub");
        }
        assertThat(ds.getURL()).startsWith("jdbc:h2:mem:ds-");
    }

    @Test
    void writesEveryCommitToItsFileAtOnceUnlessTheUrlSaysOtherwise() throws Exception {
        assertThat(H2DataSource.durable("jdbc:h2:file:./data/h2/hub;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("jdbc:h2:file:./data/h2/hub;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        assertThat(H2DataSource.durable("jdbc:h2:file:x;write_delay=200")).isEqualTo("jdbc:h2:file:x;write_delay=200");

        H2DataSource ds = new H2DataSource();
        ds.setUrl("jdbc:h2:mem:ds-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("hub");
        ds.setPassword("secret");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("0");
        }
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        String url = "jdbc:h2:mem:ds-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        H2DataSource owner = new H2DataSource();
        owner.setURL(url);
        owner.setUser("hub");
        owner.setPassword("right");
        try (Connection keep = owner.getConnection()) {
            H2DataSource intruder = new H2DataSource();
            intruder.setURL(url);
            intruder.setUser("hub");
            intruder.setPassword("wrong");

            assertThatThrownBy(intruder::getConnection).isInstanceOf(java.sql.SQLException.class);
        }
    }
}
