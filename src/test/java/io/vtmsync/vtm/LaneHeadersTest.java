package io.vtmsync.vtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.vtmsync.pool.Member;
import io.vtmsync.sim.RecordedRequest;
import io.vtmsync.sim.VtmSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only what vTM needs reaches it: no Camel or internal header, the password only in auth. */
class LaneHeadersTest {

  // What an upstream route (a work queue, a file or timer consumer) may leave on the exchange.
  private static final Map<String, Object> UPSTREAM =
      Map.of(
          "conversation", "leaked",
          "CamelFileName", "pools.json",
          "camelHttpQuery", "debug=true",
          "vtmsync-internal", "leaked",
          "Authorization", "Basic bGVha2VkOmxlYWtlZA==");

  @Test
  void requests_carry_no_camel_or_internal_header_and_the_password_only_in_authorization(
      @TempDir Path dir) throws Exception {
    try (VtmSimulator sim = VtmSimulator.start(VtmSimulator.Options.defaults("headers"));
        LaneHarness lane = LaneHarness.start(sim, dir)) {
      // One exchange for every turn, as in the sink-vtm loop: answers' headers must not leak on.
      lane.callWith(
          UPSTREAM,
          api ->
              api.putPool("web", List.of(Member.active("10.0.0.1", 80)), "note")
                  .thenCompose(put -> api.getPool("web"))
                  .thenCompose(web -> api.putFile("extra_files", "f", new byte[] {1, 2}))
                  .thenCompose(put -> api.listPools())
                  .thenCompose(names -> api.deletePool("web")));

      List<RecordedRequest> requests = sim.requests();
      assertThat(requests).hasSize(6); // the version, then the five requests of the chain
      List<String> secrets = LaneFixtures.secrets(sim, sim.password());
      Set<String> names = new TreeSet<>();
      for (RecordedRequest r : requests) {
        r.headers().keySet().forEach(name -> names.add(name.toLowerCase(Locale.ROOT)));
        assertThat(credentials(r))
            .as("%s %s", r.method(), r.path())
            .isEqualTo(sim.username() + ":" + sim.password());
        r.headers().entrySet().stream()
            .filter(h -> !h.getKey().equalsIgnoreCase("Authorization"))
            .forEach(
                h -> secrets.forEach(s -> assertThat(h.getValue()).noneMatch(v -> v.contains(s))));
      }
      assertThat(names).noneMatch(name -> name.startsWith("camel"));
      assertThat(names).doesNotContain("conversation", "vtmsync-internal");
      // Nor any header of an earlier answer (Date, Location...): only what HTTP and vTM need.
      assertThat(names)
          .isSubsetOf(
              "accept",
              "accept-encoding",
              "authorization",
              "connection",
              "content-length",
              "content-type",
              "host",
              "transfer-encoding",
              "user-agent");
    }
  }

  /** The user:password of the request's one Authorization header, which must be Basic. */
  private static String credentials(RecordedRequest r) {
    List<String> auth =
        r.headers().entrySet().stream()
            .filter(h -> h.getKey().equalsIgnoreCase("Authorization"))
            .flatMap(h -> h.getValue().stream())
            .toList();
    assertThat(auth).singleElement().asString().startsWith("Basic ");
    byte[] pair = Base64.getDecoder().decode(auth.get(0).substring("Basic ".length()));
    return new String(pair, StandardCharsets.UTF_8);
  }
}
