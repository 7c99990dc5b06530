package org.watchfloor.desk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DeskSecurityTest {
  private static final String CSRF = "0123456789abcdef0123456789abcdef0123";

  @Test
  void refusesToListenBeyondLoopbackWithoutATokenOrPassword() {
    assertThatThrownBy(() -> new DeskSettings("0.0.0.0", 8686, null, null, null).check())
        .isInstanceOf(DeskStartException.class)
        .hasMessageContaining("0.0.0.0")
        .hasMessageContaining("WATCHFLOOR_DESK_TOKEN");
    assertThatThrownBy(() -> new DeskSettings("0.0.0.0", 8686, null, "desk", null).check())
        .hasMessage("set both WATCHFLOOR_DESK_USER and WATCHFLOOR_DESK_PASSWORD, or neither");
  }

  @Test
  void listensOnLoopbackWithoutAuthAndElsewhereWithIt() {
    new DeskSettings(null, 0, null, null, null).check();
    new DeskSettings("localhost", 0, null, null, null).check();
    new DeskSettings("::1", 0, null, null, null).check();
    new DeskSettings("0.0.0.0", 0, "s3cret-token", null, null).check();
    new DeskSettings("0.0.0.0", 0, null, "desk", "pw").check();
    assertThat(new DeskSettings("0.0.0.0", 0, "s3cret-token", "u", "pw").toString()).doesNotContain("s3cret", "pw");
  }

  @Test
  void checksTokenSessionAndBasicAuth() {
    DeskSecurity open = new DeskSecurity(new DeskSettings(null, 0, null, null, null));
    DeskSecurity token = new DeskSecurity(new DeskSettings(null, 0, "tok", null, null));
    DeskSecurity basic = new DeskSecurity(new DeskSettings(null, 0, null, "desk", "pw"));
    String good = "Basic " + Base64.getEncoder().encodeToString("desk:pw".getBytes(StandardCharsets.UTF_8));

    assertThat(open.allowed(null, null)).isTrue();
    assertThat(token.allowed(null, null)).isFalse();
    assertThat(token.allowed("Bearer tok", null)).isTrue();
    assertThat(token.allowed("Bearer nope", null)).isFalse();
    assertThat(token.allowed(null, token.sessionValue())).isTrue();
    assertThat(token.sessionValue()).doesNotContain("tok").hasSize(64);
    assertThat(basic.allowed(good, null)).isTrue();
    assertThat(basic.allowed("Basic " + Base64.getEncoder().encodeToString("desk:no".getBytes()), null)).isFalse();
    assertThat(basic.allowed("Basic !!!", null)).isFalse();
  }

  @Test
  void refusesWritesWithoutTheMatchingCsrfTokenOrFromAnotherSite() {
    assertThat(DeskSecurity.refuseWrite(CSRF, CSRF, "http://127.0.0.1:8686", "127.0.0.1:8686", "same-origin"))
        .isNull();
    assertThat(DeskSecurity.refuseWrite(CSRF, CSRF, null, "127.0.0.1:8686", null)).isNull();
    assertThat(DeskSecurity.refuseWrite(CSRF, null, null, "127.0.0.1:8686", null)).contains("token");
    assertThat(DeskSecurity.refuseWrite(CSRF, CSRF + "x", null, "h:1", null)).contains("token");
    assertThat(DeskSecurity.refuseWrite(null, null, null, "h:1", null)).contains("token");
    assertThat(DeskSecurity.refuseWrite("short", "short", null, "h:1", null)).contains("token");
    assertThat(DeskSecurity.refuseWrite(CSRF, CSRF, "https://evil.example", "127.0.0.1:8686", null))
        .contains("own page");
    assertThat(DeskSecurity.refuseWrite(CSRF, CSRF, null, "127.0.0.1:8686", "cross-site")).contains("own page");
    assertThat(DeskSecurity.refuseWrite(CSRF, CSRF, "null", "127.0.0.1:8686", null)).contains("own page");
  }
}
