package io.vtmsync.app;

import static io.vtmsync.app.StatusClient.cell;
import static io.vtmsync.app.StatusClient.command;
import static io.vtmsync.app.StatusClient.freePort;
import static io.vtmsync.app.StatusClient.row;
import static io.vtmsync.app.StatusClient.send;
import static io.vtmsync.app.StatusClient.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Service;
import io.vtmsync.demo.ClusterScript;
import io.vtmsync.testing.Chromium;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page against the running app: three vTM clusters, one with a wrong password, and
 * Services in two namespaces, one whose annotation carries markup. The page is loaded in headless
 * Chromium (its script fetches status.json and renders it); its screenshot is kept in target/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusPageIT {

  static final String WEB = "default-web-http";
  static final String CART = "shop-cart-http";
  static final String BAD = "default-bad-http";
  // A typo wrapped in markup: on the page it must stay text, never become an element.
  static final String MARKUP = "<b>nodeprot</b>";

  Path tmp;
  AppHarness h;
  SimClusters vtm;
  String base;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    tmp = dir;
    h = new AppHarness(tmp.resolve("files"));
    vtm = new SimClusters(tmp.resolve("vtm"), "east", "west", "lab");
    h.service("web", Map.of());
    h.cluster.scale("default", "web", 3);
    Service cart =
        ClusterScript.nodePortService("cart", "Local", Map.of("vtm-k8s-sync.io/clusters", "east"));
    cart.getMetadata().setNamespace("shop");
    h.cluster.createService(cart, ClusterScript.HTTP);
    h.cluster.scale("shop", "cart", 2);
    h.service("bad", Map.of("vtm-k8s-sync.io/mode", MARKUP));
    int port = freePort();
    Files.writeString(tmp.resolve("vtm/lab.password"), "not-the-password\n");
    h.start(
        vtm.configure(h.options())
            .with("camel.management.enabled", "true")
            .with("camel.management.port", String.valueOf(port)));
    base = "http://127.0.0.1:" + port;
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              JsonNode t = json();
              return state(t, WEB, "vtm:lab").equals("failed")
                  && state(t, WEB, "vtm:west").equals("synced")
                  && state(t, CART, "vtm:east").equals("synced")
                  && !state(t, BAD, "file").equals("pending");
            });
    // A live change after the start: the pod on node-c terminates, its member drains.
    h.cluster.scale("default", "web", 2);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              JsonNode t = json();
              return java.util.stream.Stream.of("file", "vtm:east", "vtm:west")
                  .allMatch(x -> cell(t, WEB, x).path("draining").asInt() == 1);
            });
  }

  @AfterAll
  void stop() throws Exception {
    if (h != null) {
      h.close();
    }
    if (vtm != null) {
      vtm.close();
    }
  }

  @Test
  void status_json_has_a_row_per_pool_and_a_cell_per_target_it_goes_to() throws Exception {
    JsonNode t = json();
    assertThat(t.at("/targets").findValuesAsText("name"))
        .containsExactly("file", "vtm:east", "vtm:west", "vtm:lab");
    assertThat(t.at("/pools").findValuesAsText("pool")).containsExactly(BAD, WEB, CART);
    JsonNode east = cell(t, WEB, "vtm:east");
    assertThat(east.get("active").asInt()).isEqualTo(2);
    assertThat(east.get("draining").asInt()).isEqualTo(1);
    assertThat(east.get("converged").asBoolean()).isTrue();
    assertThat(east.get("lastChange").isTextual()).isTrue();
    assertThat(east.get("lagMs").isNumber()).isTrue();
    // vTM's own view arrives with the lane's health read-backs (null until then): every member
    // the simulator holds is alive there.
    if (!east.get("vtmAlive").isNull()) {
      assertThat(east.get("vtmAlive").asInt()).isBetween(0, 3);
      assertThat(east.get("vtmDead").asInt()).isZero();
    }
    JsonNode lab = cell(t, WEB, "vtm:lab");
    assertThat(lab.get("converged").asBoolean()).isFalse();
    assertThat(lab.get("lastError").asText()).contains("401", "auth.invalid");
    assertThat(row(t, CART).get("namespace").asText()).isEqualTo("shop");
    assertThat(row(t, CART).get("cells").fieldNames())
        .toIterable()
        .containsExactly("file", "vtm:east");
    assertThat(cell(t, BAD, "vtm:east").get("lastError").asText()).contains(MARKUP);
    assertThat(t.get("leader").asBoolean()).isTrue();
  }

  @Test
  void the_page_is_self_contained_and_sends_a_strict_policy() throws Exception {
    HttpResponse<String> page =
        send(HttpRequest.newBuilder(URI.create(base + "/status")).header("X-Probe", "echo"));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("content-security-policy").orElseThrow())
        .startsWith("default-src 'none'; script-src 'sha256-")
        .contains("connect-src 'self'", "frame-ancestors 'none'");
    assertThat(page.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("x-probe")).as("request headers stay in").isEmpty();
    assertThat(page.body()).doesNotContainPattern("(?i)(src|href)\\s*=").contains("status.json");
    HttpResponse<String> post =
        send(
            HttpRequest.newBuilder(URI.create(base + "/status"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(post.statusCode()).isEqualTo(405);
  }

  @Test
  void chromium_renders_rows_cells_the_failing_cluster_and_the_filters() throws Exception {
    Chromium chromium = Chromium.require(tmp);
    Document dom = Jsoup.parse(chromium.dumpDom(base + "/status", 5000));
    assertThat(dom.select("#rows tr[data-pool]").eachAttr("data-pool"))
        .containsExactly(BAD, WEB, CART);
    Element web = dom.selectFirst("tr[data-pool=" + WEB + "]");
    assertThat(web.select("td[data-target]")).hasSize(4);
    assertThat(web.selectFirst("td[data-target=vtm:east]").attr("data-state")).isEqualTo("synced");
    assertThat(web.selectFirst("td[data-target=vtm:east]").text())
        .contains("2 active / 1 draining", "lag")
        .containsPattern("vTM alive (-|[0-3]) / dead (-|0)"); // read back by then, or not yet
    Element lab = web.selectFirst("td[data-target=vtm:lab]");
    assertThat(lab.attr("data-state")).isEqualTo("failed");
    assertThat(lab.selectFirst(".err").text()).contains("HTTP 401", "auth.invalid");
    Element cart = dom.selectFirst("tr[data-pool=" + CART + "]");
    assertThat(cart.selectFirst("td[data-target=vtm:west]").hasClass("na")).isTrue();
    assertThat(dom.select("#namespace option").eachAttr("value")).contains("", "default", "shop");
    assertThat(dom.select("#state option").eachAttr("value")).contains("failed", "!converged");
    assertThat(dom.select("#summary").text()).contains("3 of 3 pools shown");
    // Markup from an annotation is text on the page, never an element.
    assertThat(dom.selectFirst("tr[data-pool=" + BAD + "]").text()).contains(MARKUP);
    assertThat(dom.select("#pools b")).isEmpty();
    chromium.screenshot(base + "/status", Path.of("target/status-page.png"), 1400, 900, 5000);
    assertThat(Files.size(Path.of("target/status-page.png"))).isGreaterThan(10_000);
  }

  @Test
  void the_filters_in_the_address_select_rows_by_namespace_and_state() throws Exception {
    Chromium chromium = Chromium.require(tmp);
    Document shop = Jsoup.parse(chromium.dumpDom(base + "/status#ns=shop", 5000));
    assertThat(shop.select("#rows tr[data-pool]").eachAttr("data-pool")).containsExactly(CART);
    Document failed = Jsoup.parse(chromium.dumpDom(base + "/status#state=failed", 5000));
    assertThat(failed.select("#rows tr[data-pool]").eachAttr("data-pool")).contains(WEB);
    assertThat(failed.select("#rows tr[data-pool]").eachAttr("data-pool")).doesNotContain(CART);
  }

  @Test
  void the_status_command_prints_the_table_and_exits_by_convergence() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(command(out, "--url=" + base)).isEqualTo(1);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("POOL", "vtm:lab", WEB, CART, "synced 2/1 -/-")
        .containsPattern(WEB + " vtm:lab failed: .*HTTP 401 auth.invalid")
        .contains("not converged");
    assertThat(text.lines().filter(l -> l.startsWith(WEB)))
        .singleElement()
        .asString()
        .contains("failed -/-");
    out.reset();
    assertThat(command(out, "--url=" + base + "/", "--namespace=shop")).as(out.toString()).isZero();
    out.reset();
    assertThat(command(out, "--url=http://127.0.0.1:" + freePort())).isEqualTo(2);
    assertThat(out.toString()).contains("status: cannot read http://127.0.0.1:");
  }

  private JsonNode json() throws Exception {
    return StatusClient.fetch(base);
  }
}
