package org.hms.hub.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitTokensTest {

    private static final ClassLoader DRIVERS = CommitTokensTest.class.getClassLoader();

    @TempDir
    Path dir;

    @Test
    void answersTheTokensAnH2DatabaseHolds() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("hub") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection c = DriverManager.getConnection(url, "hub", "hub"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE hub_tx_commit (token VARCHAR(29) NOT NULL PRIMARY KEY)");
            s.execute("INSERT INTO hub_tx_commit VALUES ('t-1'), ('t-3')");
        }

        assertThat(CommitTokens.committed(url, "hub", "hub", DRIVERS, Set.of("t-1", "t-2", "t-3")))
                .containsExactlyInAnyOrder("t-1", "t-3");
    }

    @Test
    void asksForManyTokensInChunks() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("hub");
        Set<String> held = IntStream.range(0, 1_200).mapToObj(i -> "h-" + i).collect(Collectors.toSet());
        try (Connection c = DriverManager.getConnection(url, "hub", "hub"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE hub_tx_commit (token VARCHAR(29) NOT NULL PRIMARY KEY)");
            for (String t : held) {
                s.execute("INSERT INTO hub_tx_commit VALUES ('" + t + "')");
            }
        }
        Set<String> asked = new HashSet<>(held);
        IntStream.range(0, 300).forEach(i -> asked.add("missing-" + i));

        assertThat(CommitTokens.committed(url, "hub", "hub", DRIVERS, asked)).isEqualTo(held);
    }

    @Test
    void neverCreatesAnH2DatabaseThatIsNotThere() {
        String url = "jdbc:h2:file:" + dir.resolve("absent") + ";DB_CLOSE_ON_EXIT=FALSE";

        assertThatThrownBy(() -> CommitTokens.committed(url, "hub", "hub", DRIVERS, Set.of("t-1")))
                .isInstanceOf(SQLException.class);
        assertThat(dir.resolve("absent.mv.db")).doesNotExist();
    }

    @Test
    void answersNoneWhenTheDatabaseCannotTellSoEveryBranchIsRolledBack() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("hub");
        try (Connection c = DriverManager.getConnection(url, "hub", "hub")) {
            assertThat(c.isValid(1)).isTrue(); // an existing database that is not migrated yet: no table
        }
        LaunchSettings settings = LaunchSettings.parse(new String[] {"--db-url", url}, Map.of());

        assertThat(CommitTokens.lookup(settings, dir).apply(Set.of("t-1"))).isEmpty();
    }

    @Test
    void answersTheTokensAPostgresqlDatabaseHolds() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:5432/postgres?currentSchema=hub_commit_tokens_test";
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS hub_commit_tokens_test CASCADE");
            s.execute("CREATE SCHEMA hub_commit_tokens_test");
            s.execute("CREATE TABLE hub_commit_tokens_test.hub_tx_commit (token VARCHAR(29) NOT NULL PRIMARY KEY)");
            s.execute("INSERT INTO hub_commit_tokens_test.hub_tx_commit VALUES ('t-1')");
        }
        try {
            assertThat(CommitTokens.committed(url, "postgres", "", DRIVERS, Set.of("t-1", "t-2")))
                    .containsExactly("t-1");
        } finally {
            try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA hub_commit_tokens_test CASCADE");
            }
        }
    }
}
