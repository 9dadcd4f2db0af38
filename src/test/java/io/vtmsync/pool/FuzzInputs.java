package io.vtmsync.pool;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.vtmsync.k8s.Annotations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random but typed Kubernetes objects for the fuzz tests: Services whose types, ports, policies,
 * families and {@code vtm-k8s-sync.io/} annotations mix valid and invalid values, plus the nodes,
 * EndpointSlices and pods ({@link FuzzBackends}) around them. Namespaces and Service names stay
 * valid Kubernetes names, as the API server guarantees; everything else may be anything.
 */
public final class FuzzInputs {

  /** Pool names that two random Services now and then both claim. */
  public static final List<String> SHARED_POOLS = List.of("shared", "shared-2");

  private static final String[] NAMESPACES = {"default", "shop", "0", "x-1", "n".repeat(63)};
  private static final String[] NAMES = {"web", "api", "x", "a-b--c", "s".repeat(63), "svc2"};
  private static final String[] PORT_NAMES = {
    "http", "https", "metrics", "a", "p".repeat(63), "80", "HTTP", "web_1", "a/b", "../x", " "
  };

  private final Random rnd;
  private final FuzzNames names;
  private final FuzzBackends backends;

  /** Chance that {@link #mix} picks a bad value: each Service is tame or wild. */
  private double badness = 0.5;

  public FuzzInputs(Random rnd) {
    this.rnd = rnd;
    this.names = new FuzzNames(rnd);
    this.backends = new FuzzBackends(rnd, this);
  }

  /** A whole cluster: nodes, then Services each with slices and pods; huge slices if allowed. */
  public List<HasMetadata> cluster(boolean huge) {
    List<HasMetadata> out = new ArrayList<>(backends.nodes(rnd.nextInt(9)));
    Set<String> keys = new HashSet<>();
    int services = 1 + rnd.nextInt(8);
    for (int i = 0; i < services; i++) {
      badness = chance(0.5) ? 0.03 : 0.5;
      Service svc = service(pick(NAMESPACES), pick(NAMES));
      if (keys.add(svc.getMetadata().getNamespace() + "/" + svc.getMetadata().getName())) {
        out.add(svc);
        out.addAll(backends.slicesAndPods(svc, huge && i == 0 ? 5_000 : 12));
      }
    }
    return out;
  }

  public Service service(String namespace, String name) {
    List<ServicePort> ports = ports();
    ServiceBuilder b =
        new ServiceBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(name)
            .withAnnotations(annotations(ports))
            .endMetadata();
    if (chance(badness / 10)) {
      return b.build(); // no spec at all
    }
    return b.withNewSpec()
        .withType(mix(pick("NodePort", "LoadBalancer"), "ClusterIP", "ExternalName", null))
        .withPorts(ports)
        .withExternalTrafficPolicy(mix(pick("Local", "Cluster", null), "local", "garbage"))
        .withIpFamilies(
            mix(
                pick(List.of("IPv4"), List.of("IPv6"), List.of("IPv4", "IPv6"), null),
                List.of("IPv6", "IPv4"),
                List.of("garbage"),
                List.of()))
        .endSpec()
        .build();
  }

  private List<ServicePort> ports() {
    int n = mix(1 + rnd.nextInt(3), 0, 40);
    List<ServicePort> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Integer port = mix(pick(80, 443, 8080 + i), 0, -1, 65536, null);
      String name = n == 1 ? pick(null, "", "http") : PORT_NAMES[i % 5];
      out.add(
          new ServicePortBuilder()
              .withName(mix(name, "http", pick(PORT_NAMES), null))
              .withPort(port)
              .withNodePort(mix(30080 + i + 10 * rnd.nextInt(3), 0, -1, 65536, null))
              .withProtocol(mix(pick("TCP", null), "UDP"))
              .withTargetPort(
                  mix(new IntOrString(8080 + i), new IntOrString(pick(PORT_NAMES)), null))
              .build());
    }
    return out;
  }

  private Map<String, String> annotations(List<ServicePort> ports) {
    Map<String, String> ann = new HashMap<>();
    String expose = mix(chance(0.85) ? "true" : pick("false", null), "TRUE", "yes", "");
    if (expose != null) {
      ann.put(Annotations.EXPOSE, expose);
    }
    String someName = ports.isEmpty() ? "http" : String.valueOf(pick(ports).getName());
    String port = pick(someName, "*", "http, https");
    if (ports.size() > 1 && badness < 0.1) {
      ann.put(Annotations.PORT, port); // a tame Service with several ports names one
    } else {
      maybe(ann, Annotations.PORT, port, "HTTP", " , ", "a b", "");
    }
    if (chance(0.5)) {
      ann.put(Annotations.MODE, mix(pick("nodeport", "pod", "hostport", " Pod "), "magic", ""));
    }
    maybe(ann, Annotations.CLUSTERS, pick("east", "east,west", " east, "), "north", "East", "a;b");
    maybe(ann, Annotations.ADDRESS_TYPE, pick("InternalIP", "externalip"), "Hostname", "");
    maybe(ann, Annotations.NODE_SELECTOR, pick("role=edge", "!role", "role!=core"), "a=b=c", "=");
    if (chance(0.4)) {
      ann.put(
          Annotations.POOL,
          chance(0.5) ? pick(SHARED_POOLS) : mix("web-" + rnd.nextInt(9), poolName()));
    }
    if (chance(badness / 5)) {
      ann.put(Annotations.PREFIX + pick("prot", "", "POOL", "pool "), "x");
    }
    if (chance(0.2)) {
      ann.put("example.com/" + pick("pool", "note"), "../../etc/passwd");
    }
    return ann;
  }

  /** See {@link FuzzNames#poolName()}. */
  public String poolName() {
    return names.poolName();
  }

  @SafeVarargs
  final <T> T pick(T... values) {
    return values[rnd.nextInt(values.length)];
  }

  <T> T pick(List<T> values) {
    return values.get(rnd.nextInt(values.size()));
  }

  boolean chance(double p) {
    return rnd.nextDouble() < p;
  }

  /** Usually the good value; a bad one with the current Service's badness. */
  @SafeVarargs
  final <T> T mix(T good, T... bad) {
    return chance(badness) ? pick(bad) : good;
  }

  private void maybe(Map<String, String> ann, String key, String good, String... bad) {
    if (chance(0.3)) {
      ann.put(key, mix(good, bad));
    }
  }
}
