package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vtmsync.testing.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A revoked token (401) or a removed RBAC grant (403) mid-run, from a real API server: named once
 * with its status and reason, not at every retry, and the pools stay as they are.
 */
class ApiRefusalIT {

  private static final String POOL = "default-web-http";

  @TempDir Path tmp;

  /** Makes the API server refuse every request, ends the open watches, lets fabric8 retry. */
  private static List<String> refusedFor(AppHarness h, LogCapture logs, int status) {
    h.kube.refuseAll(status);
    long requests = h.kube.requestCount();
    h.kube.expireWatches(); // the re-list and the new watches meet the refusal
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> h.kube.requestCount() >= requests + 16); // several retries of every kind
    // The watches' lines; a refused Event write is said on its own line (EventLimitsIT).
    List<String> said =
        logs.lines().stream()
            .filter(l -> l.contains(" " + status + " ") && !l.contains("refuses Event"))
            .toList();
    logs.close();
    return said;
  }

  @Test
  void a_401_or_403_is_named_once_with_status_and_reason_and_pools_stay() throws Exception {
    try (AppHarness h = new AppHarness(tmp.resolve("files"))) {
      h.startWithWeb(1);
      String file = h.content(POOL);

      List<String> unauthorized = refusedFor(h, new LogCapture(), 401);
      assertThat(unauthorized)
          .singleElement()
          .asString()
          .matches(
              "WARN Kubernetes API refuses the watch of [a-z]+: 401 Unauthorized \\(token expired"
                  + " or revoked\\?\\); retrying with backoff\\. .*");

      LogCapture back = new LogCapture();
      h.kube.refuseAll(0);
      await().atMost(Duration.ofSeconds(20)).until(() -> back.all().contains("re-established"));
      back.close();

      List<String> forbidden = refusedFor(h, new LogCapture(), 403);
      assertThat(forbidden)
          .as("one line per kind the grant no longer covers (no hostport Service: no pods)")
          .hasSize(3)
          .allMatch(l -> l.startsWith("WARN Kubernetes API refuses the watch of "))
          .allMatch(l -> l.contains(": 403 Forbidden (RBAC: may the service account still list"));
      assertThat(h.content(POOL)).as("fail static").isEqualTo(file);
    }
  }
}
