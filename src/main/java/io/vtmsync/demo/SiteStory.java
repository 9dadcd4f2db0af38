package io.vtmsync.demo;

import io.fabric8.kubernetes.api.model.Service;
import io.vtmsync.app.App;
import io.vtmsync.k8s.Annotations;
import io.vtmsync.pool.Member;
import io.vtmsync.sim.VtmSimulator;
import io.vtmsync.status.StatusTable;
import io.vtmsync.vtm.Json;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The story's second part: a second Kubernetes site. Service {@code shop} runs in both, annotated
 * with one pool, so the pool holds the members of both sites, each with its site's vTM priority.
 * Then the preferred site's API goes away (its members are held while the other site's changes
 * land), comes back, and its nodes go NotReady.
 */
final class SiteStory {

  static final String SHOP = "shop";
  static final int NODE_PORT = 30090;

  /**
   * A Kubernetes site: its embedded API server, the script that plays its controllers, the vTM
   * priority of its members ({@code k8s.<name>.priority}) and the prefix of its node addresses.
   */
  record Site(
      String name, int priority, String net, EmbeddedKubernetes kube, ClusterScript cluster) {

    boolean holds(String ip) {
      return ip.startsWith(net);
    }

    /** The app's settings for this source: {@code k8s.<name>.master-url} and {@code .priority}. */
    App.Options configure(App.Options o) {
      return o.with("k8s." + name + ".master-url", kube.url())
          .with("k8s." + name + ".priority", String.valueOf(priority));
    }
  }

  private final DemoStory story;
  private final Site east;
  private final Site west;
  private final PoolFileWatcher pool;
  private final List<VtmSimulator> vtm;
  private final String management;
  private final PrintStream out;
  private final HttpClient http = HttpClient.newHttpClient();

  SiteStory(
      DemoStory story,
      Site east,
      Site west,
      PoolFileWatcher pool,
      List<VtmSimulator> vtm,
      String management,
      PrintStream out) {
    this.story = story;
    this.east = east;
    this.west = west;
    this.pool = pool;
    this.vtm = List.copyOf(vtm);
    this.management = management;
    this.out = out;
  }

  /** True when every step landed. */
  boolean play() throws InterruptedException {
    String ns = Demo.NS;
    shop(east, 1);
    shop(west, 2);
    Map<String, String> exposed = Map.of(Annotations.EXPOSE, "true", Annotations.POOL, SHOP);
    return step(
            "a second site: Service shop runs in east (1 pod) and in west (2 pods); both are"
                + " annotated vtm-k8s-sync.io/expose: \"true\", vtm-k8s-sync.io/pool: shop",
            () -> {
              east.cluster().annotate(ns, SHOP, exposed);
              west.cluster().annotate(ns, SHOP, exposed);
            },
            "10.0.0.9",
            "10.1.0.9",
            "10.1.0.10")
        && watches(
            "east's Kubernetes API goes away",
            () -> east.kube().stop(),
            false,
            "vtm-k8s-sync lost east's watches",
            "; east's part of each pool stays as last seen")
        && step(
            "meanwhile west scales shop 2 -> 3",
            () -> west.cluster().scale(ns, SHOP, 3),
            "10.0.0.9",
            "10.1.0.9",
            "10.1.0.10",
            "10.1.0.11")
        && say(
            "  east's member 10.0.0.9:"
                + NODE_PORT
                + " is held while east's API is unreachable (fail static, per site);"
                + " west's change landed beside it")
        && watches(
            "east's API is back", () -> east.kube().restart(), true, "east's watches are back", "")
        && step(
            "node-1 (where east's shop pod runs) goes NotReady",
            () -> east.cluster().setNodeReady("node-1", false),
            "10.1.0.9",
            "10.1.0.10",
            "10.1.0.11")
        && say(
            "  failover: the pool holds west's members alone (priority 1), so vTM sends shop's"
                + " traffic to west")
        && step(
            "node-2 and node-3 go NotReady too: all of east's nodes",
            () -> {
              east.cluster().setNodeReady("node-2", false);
              east.cluster().setNodeReady("node-3", false);
            },
            "10.0.0.9",
            "10.1.0.9",
            "10.1.0.10",
            "10.1.0.11")
        && say(
            "  more than sync.notready-guard-percent (50%) of east's nodes are NotReady: that looks"
                + " like a control-plane blip, not an outage, so vtm-k8s-sync distrusts east's"
                + " readiness and keeps its members (10.0.0.9 is back). Failing over is vTM's job"
                + " now:")
        && healthMonitorsFailOver();
  }

  private boolean say(String line) {
    out.println(line);
    return true;
  }

  /**
   * A step on east's API: waits until the app's metrics say its watches of services, endpointslices
   * and nodes are all {@code open} (or all closed).
   */
  private boolean watches(String title, Runnable change, boolean open, String landed, String after)
      throws InterruptedException {
    out.println();
    out.println("* " + title);
    long start = System.nanoTime();
    change.run();
    long deadline = start + DemoStory.STEP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (watching(east.name(), open)) {
        long ms = (System.nanoTime() - start) / 1_000_000;
        // The app's watch monitor looks every 500 ms: let its log line print within this step.
        Thread.sleep(600);
        out.println("  " + landed + " after " + ms + " ms" + after);
        return true;
      }
      Thread.sleep(20);
    }
    out.println(
        "  FAILED: the watches of "
            + east.name()
            + " were not "
            + (open ? "open" : "closed")
            + " within "
            + DemoStory.STEP_TIMEOUT.toSeconds()
            + " s");
    return false;
  }

  /** Whether the metrics show every watch of the source open ({@code open}) or every one closed. */
  private boolean watching(String source, boolean open) {
    String body = get("/observe/metrics");
    if (body == null) {
      return false;
    }
    String value = open ? " 1.0" : " 0.0";
    return List.of("services", "endpointslices", "nodes").stream()
        .allMatch(
            kind ->
                body.contains(
                    "vtmsync_source_watching{kind=\""
                        + kind
                        + "\",source=\""
                        + source
                        + "\"}"
                        + value
                        + "\n"));
  }

  /** Creates Service shop on a site, not exposed yet, and runs its pods. */
  private static void shop(Site site, int pods) {
    Service svc = ClusterScript.nodePortService(SHOP, "Local", Map.of(Annotations.EXPOSE, "false"));
    svc.getSpec().getPorts().get(0).setNodePort(NODE_PORT);
    site.cluster().createService(svc, ClusterScript.HTTP);
    site.cluster().scale(Demo.NS, SHOP, pods);
  }

  /**
   * A step on pool shop: every target holds exactly these members and, where it carries priorities,
   * each member has its site's; then the pool by site, as vTM holds it.
   */
  private boolean step(String title, Runnable change, String... expected)
      throws InterruptedException {
    List<String> want = List.of(expected);
    boolean ok =
        story.step(
            title,
            change,
            pool,
            (t, m) ->
                DemoStory.describe(m).equals(want)
                    && (!t.priorities() || m.stream().allMatch(x -> x.priority() == priority(x))),
            want
                + ", priority "
                + east.priority()
                + " for east's, "
                + west.priority()
                + " for west's");
    if (ok) {
      DemoTargets t = pool.targets().stream().filter(DemoTargets::priorities).findFirst().get();
      out.println("  pool shop on " + t.name() + " by site: " + bySite(t.members().get()));
    }
    return ok;
  }

  private int priority(Member m) {
    return east.holds(m.ip()) ? east.priority() : west.priority();
  }

  /** "east: 10.0.0.9:30090 (priority 2); west: 10.1.0.9:30090, ... (priority 1)". */
  private String bySite(List<Member> members) {
    List<String> parts = new ArrayList<>();
    for (Site s : List.of(east, west)) {
      List<Member> of = members.stream().filter(m -> s.holds(m.ip())).toList();
      parts.add(
          s.name()
              + ": "
              + (of.isEmpty()
                  ? "none"
                  : of.stream().map(Member::address).collect(Collectors.joining(", "))
                      + " (priority "
                      + of.stream()
                          .map(m -> String.valueOf(m.priority()))
                          .distinct()
                          .collect(Collectors.joining("/"))
                      + ")"));
    }
    return String.join("; ", parts);
  }

  /**
   * The last step: vTM's health monitors find east's member dead (the simulators are told so), and
   * vtm-k8s-sync reads vTM's view of the members back (its status page shows it).
   */
  private boolean healthMonitorsFailOver() throws InterruptedException {
    String member = "10.0.0.9:" + NODE_PORT;
    out.println();
    out.println(
        "* vTM's health monitors find " + member + " dead (simulated on both vTM clusters)");
    long start = System.nanoTime();
    vtm.forEach(sim -> sim.setNodeState(member, "dead"));
    Map<String, Long> seen = new LinkedHashMap<>();
    long deadline = start + DemoStory.STEP_TIMEOUT.toNanos();
    while (seen.size() < vtm.size() && System.nanoTime() < deadline) {
      StatusTable.Row row = shopRow();
      for (VtmSimulator sim : vtm) {
        StatusTable.Cell c = row == null ? null : row.cells().get("vtm:" + sim.name());
        if (c != null
            && Integer.valueOf(1).equals(c.vtmDead())
            && Integer.valueOf(3).equals(c.vtmAlive())) {
          seen.putIfAbsent(sim.name(), (System.nanoTime() - start) / 1_000_000);
        }
      }
      Thread.sleep(50);
    }
    for (VtmSimulator sim : vtm) {
      Long ms = seen.get(sim.name());
      if (ms == null) {
        out.println(
            "  FAILED: vtm:"
                + sim.name()
                + " was not read back as 3 alive, 1 dead within "
                + DemoStory.STEP_TIMEOUT.toSeconds()
                + " s");
        return false;
      }
      out.println("  vtm:" + sim.name() + " read back in " + ms + " ms: pool shop 3 alive, 1 dead");
    }
    out.println(
        "  with load_balancing.priority_enabled on pool shop (the vTM admin's setting;"
            + " vtm-k8s-sync never writes it) vTM sends traffic to the priority 2 members while"
            + " at least priority_nodes of them are alive, else to priority 1: here to west's");
    return true;
  }

  /** Pool shop's row of the status page, or null while it cannot be read. */
  private StatusTable.Row shopRow() {
    String body = get("/status.json");
    if (body == null) {
      return null;
    }
    try {
      return Json.MAPPER.readValue(body, StatusTable.Table.class).pools().stream()
          .filter(p -> SHOP.equals(p.pool()))
          .findFirst()
          .orElse(null);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** A page of the app's management port, or null while it cannot be read. */
  private String get(String path) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(management + path))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : null;
    } catch (java.io.IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
