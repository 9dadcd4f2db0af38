package io.vtmsync.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtmsync.sink.SyncStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page is one self-contained file whose policy admits exactly its own script and style. */
class StatusPageTest {

  private final StatusPage page =
      new StatusPage(new SyncStatus(), List::of, () -> true, () -> MemberHealth.NONE);

  @Test
  void the_policy_admits_the_inline_script_and_style_by_hash_and_nothing_else() throws Exception {
    String html = page.html();
    String script = between(html, "<script>", "</script>");
    String style = between(html, "<style>", "</style>");
    assertThat(page.policy())
        .isEqualTo(
            "default-src 'none'; script-src 'sha256-"
                + sha256(script)
                + "'; style-src 'sha256-"
                + sha256(style)
                + "'; connect-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none';"
                + " frame-ancestors 'none'");
  }

  @Test
  void the_page_loads_nothing_from_elsewhere_and_renders_data_as_text_only() {
    String html = page.html();
    assertThat(html).doesNotContainPattern("(?i)(src|href|action)\\s*=");
    assertThat(html).doesNotContainPattern("(?i)innerHTML|outerHTML|insertAdjacentHTML|eval\\(");
    assertThat(html.split("<script>", -1)).hasSize(2);
    assertThat(html.split("<style>", -1)).hasSize(2);
    assertThat(html).contains("fetch(\"status.json\"", "id=\"namespace\"", "id=\"state\"");
  }

  private static String between(String s, String from, String to) {
    int a = s.indexOf(from) + from.length();
    return s.substring(a, s.indexOf(to, a));
  }

  private static String sha256(String s) throws Exception {
    return Base64.getEncoder()
        .encodeToString(
            MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
