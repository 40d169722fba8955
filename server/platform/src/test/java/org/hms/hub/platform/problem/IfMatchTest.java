package org.hms.hub.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IfMatchTest {

    @Test
    void readsStrongAndWeakETags() {
        assertThat(IfMatch.version("\"3\"")).isEqualTo(3);
        assertThat(IfMatch.version("W/\"12\"")).isEqualTo(12);
    }

    @Test
    void requiresTheHeaderWith428() {
        assertThatThrownBy(() -> IfMatch.version(null)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(428));
        assertThatThrownBy(() -> IfMatch.version(" ")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(428));
    }

    @Test
    void refusesAnETagThatIsNotOursWith400() {
        assertThatThrownBy(() -> IfMatch.version("\"abc\"")).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.status()).isEqualTo(400));
    }
}
