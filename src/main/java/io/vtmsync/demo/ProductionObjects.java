package io.vtmsync.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Objects shaped like a production cluster's, as JSON for the API server: Nodes with 50 container
 * images, labels of a cloud node group and managedFields; Deployment Pods of two containers with
 * env, volumes, probes and managedFields; Helm-made NodePort Services of two ports, each with one
 * EndpointSlice of its pods. Templates in {@code demo/production/}; numbering decides placement.
 *
 * <p>Service {@code i} lives in namespace {@code team-<i * namespaces / services>}, has {@code
 * podsPerService} pods on distinct nodes, and every {@code hostPortEvery}-th Service's pods publish
 * hostPort {@code 20000 + i} for its {@code http} port (so that it can be switched to hostport
 * mode). Services are externalTrafficPolicy Local (members: the nodes of their pods), but every
 * 100th from the second on is Cluster (every node is a member).
 */
public final class ProductionObjects {

  public static final int IMAGES_PER_NODE = 50;

  /** Stands for the hostPort while the Pod template is prepared (a JSON number, unique in it). */
  private static final int HOST_PORT_MARK = 65432;

  /** The Pod template with its managedFields, once (20,000 Jackson round trips take a while). */
  private static final String POD = Templates.preparedPod(false, HOST_PORT_MARK);

  private static final String HOST_PORT_POD = Templates.preparedPod(true, HOST_PORT_MARK);
  private static final String NODE = Templates.template("node.json");
  private static final String SERVICE = Templates.template("service.json");
  private static final String SLICE = Templates.template("endpointslice.json");
  private static final String ENDPOINT = Templates.template("endpoint.json");

  public final int nodes;
  public final int services;
  public final int podsPerService;
  public final int namespaces;
  public final int hostPortEvery;

  public ProductionObjects(
      int nodes, int services, int podsPerService, int namespaces, int hostPortEvery) {
    if (podsPerService > nodes) {
      throw new IllegalArgumentException("a Service's pods run on distinct nodes");
    }
    this.nodes = nodes;
    this.services = services;
    this.podsPerService = podsPerService;
    this.namespaces = namespaces;
    this.hostPortEvery = hostPortEvery;
  }

  public static String nodeName(int n) {
    return String.format("ip-10-1-%d-%d.eu-west-1.compute.internal", n / 250, n % 250 + 1);
  }

  public static String nodeIp(int n) {
    return "10.1." + n / 250 + "." + (n % 250 + 1);
  }

  /** Each namespace (a team) holds a contiguous range of the Services. */
  public String namespace(int service) {
    return "team-" + String.format("%02d", (int) ((long) service * namespaces / services));
  }

  public static String app(int service) {
    return String.format("shop-%04d", service);
  }

  /** The node of pod j of Service i: spread so that every node runs as many pods. */
  public int nodeOf(int service, int pod) {
    return (service + pod * (nodes / podsPerService)) % nodes;
  }

  public boolean publishesHostPort(int service) {
    return hostPortEvery > 0 && service % hostPortEvery == 0;
  }

  public String nodeJson(int n) {
    String images =
        IntStream.range(0, IMAGES_PER_NODE).mapToObj(ProductionObjects::image).collect(joining());
    ObjectNode node =
        Templates.render(
            NODE,
            Map.of(
                "name", nodeName(n),
                "ip", nodeIp(n),
                "zone", zone(n),
                "hash", hash(n),
                "podNet", (64 + n / 256) + "." + n % 256,
                "images", images));
    ManagedFields.add(node, "kubelet", null, "metadata.labels", "metadata.annotations", "spec");
    ManagedFields.add(node, "kubelet", "status", "status");
    return Templates.write(node);
  }

  public String podJson(int service, int pod) {
    int node = nodeOf(service, pod);
    if (!publishesHostPort(service)) {
      return Templates.fill(POD, podValues(service, pod, node), Map.of());
    }
    return Templates.fill(HOST_PORT_POD, podValues(service, pod, node), Map.of())
        .replace("\"hostPort\":" + HOST_PORT_MARK, "\"hostPort\":" + (20000 + service));
  }

  public String serviceJson(int service, Map<String, String> annotations) {
    String extra =
        annotations.entrySet().stream()
            .map(e -> ", \"" + e.getKey() + "\": \"" + e.getValue() + "\"")
            .collect(Collectors.joining());
    ObjectNode s =
        Templates.render(
            SERVICE,
            Map.of(
                "app", app(service),
                "namespace", namespace(service),
                "policy", service % 100 == 1 ? "Cluster" : "Local",
                "clusterIp", "172.20." + service / 250 + "." + (service % 250 + 1),
                "nodePort", String.valueOf(30000 + service % 2500),
                "adminNodePort", String.valueOf(30000 + (service + 2500) % 5000),
                "annotations", extra));
    ManagedFields.add(s, "helm", null, "metadata.labels", "metadata.annotations", "spec");
    return Templates.write(s);
  }

  public String sliceJson(int service) {
    List<String> endpoints = new ArrayList<>();
    for (int j = 0; j < podsPerService; j++) {
      Map<String, String> v = podValues(service, j, nodeOf(service, j));
      endpoints.add(
          Templates.fill(
              ENDPOINT,
              Map.of("uid", "0a1b2c3d-" + hash(service) + "-4e5f-" + j, "pod", podName(service, j)),
              v));
    }
    ObjectNode s =
        Templates.render(
            SLICE,
            Map.of(
                "app", app(service),
                "namespace", namespace(service),
                "suffix", hash(service).substring(0, 5),
                "endpoints", String.join(",", endpoints)));
    ManagedFields.add(
        s, "kube-controller-manager", null, "metadata", "addressType", "endpoints", "ports");
    return Templates.write(s);
  }

  public String podName(int service, int pod) {
    return app(service) + "-" + hash(service).substring(0, 10) + "-" + suffix(service, pod);
  }

  private Map<String, String> podValues(int service, int pod, int node) {
    int k = service * podsPerService + pod;
    return Map.ofEntries(
        Map.entry("app", app(service)),
        Map.entry("namespace", namespace(service)),
        Map.entry("hash", hash(service).substring(0, 10)),
        Map.entry("hash4", hash(service).substring(0, 4)),
        Map.entry("suffix", suffix(service, pod)),
        Map.entry("suffix8", String.format("%08d", k)),
        Map.entry("node", nodeName(node)),
        Map.entry("nodeIp", nodeIp(node)),
        Map.entry("zone", zone(node)),
        Map.entry("podIp", "10." + (64 + k / 65536) + "." + (k / 256 % 256) + "." + k % 256));
  }

  private static String image(int i) {
    String repo = "registry.example.com/platform/component-" + i;
    String digest = String.format("%064x", (long) i * 0x9E3779B97F4A7C15L & Long.MAX_VALUE);
    return "{\"names\":[\""
        + repo
        + "@sha256:"
        + digest
        + "\",\""
        + repo
        + ":v2."
        + i
        + ".7\"],\"sizeBytes\":"
        + (30_000_000L + i * 1_234_567L)
        + "}";
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(",");
  }

  private static String zone(int n) {
    return String.valueOf("abc".charAt(n % 3));
  }

  private static String hash(int n) {
    return String.format("%08x", n * 2654435761L & 0xffffffffL) + "9f";
  }

  private static String suffix(int service, int pod) {
    return Integer.toString(36 * 36 * 36 * 36 + (service * 131 + pod * 7919) % 1_000_000, 36);
  }
}
