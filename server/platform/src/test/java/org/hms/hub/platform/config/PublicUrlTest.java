package org.hms.hub.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PublicUrlTest {

    @Test
    void acceptsAnHttpsBaseAndDropsTheTrailingSlash() {
        assertThat(PublicUrl.parse("https://hub.hospital.example/integration/").toString())
                .isEqualTo("https://hub.hospital.example/integration");
        assertThat(PublicUrl.parse(" http://10.0.0.5:8080 ").toString()).isEqualTo("http://10.0.0.5:8080");
    }

    @Test
    void refusesWhatCannotServeAsACallbackBase() {
        assertThatThrownBy(() -> PublicUrl.parse("hub.hospital.example")).hasMessageContaining("https://");
        assertThatThrownBy(() -> PublicUrl.parse("ftp://hub")).hasMessageContaining("https://");
        assertThatThrownBy(() -> PublicUrl.parse("https://user:pw@hub")).hasMessageContaining("no user");
        assertThatThrownBy(() -> PublicUrl.parse("https://hub/?a=1")).hasMessageContaining("query");
        assertThatThrownBy(() -> PublicUrl.parse("https://hub x")).hasMessageContaining("not a URL");
    }
}
