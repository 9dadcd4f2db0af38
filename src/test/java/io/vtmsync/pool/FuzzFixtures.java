package io.vtmsync.pool;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.vtmsync.k8s.Annotations;
import io.vtmsync.k8s.KubeNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Fixed, well-formed objects for the fuzz tests: two canary Services that every random cluster
 * contains (their pools must not change whatever surrounds them), and a 5,000-endpoint Service.
 */
final class FuzzFixtures {

  /** nodeport, Local policy, one endpoint on the canary node; explicit pool and cluster. */
  static final PoolPlan CANARY_WEB =
      PoolPlan.of(
          "canary-web",
          "canary/web",
          Set.of("east"),
          List.of(Member.active("198.51.100.7", 31999)));

  /** pod mode: one ready endpoint, one serving but terminating (draining). */
  static final PoolPlan CANARY_PODS =
      PoolPlan.of(
          "canary-pods-http",
          "canary/pods",
          Set.of(),
          List.of(Member.active("10.99.0.1", 8080), Member.draining("10.99.0.2", 8080)));

  private FuzzFixtures() {}

  static List<HasMetadata> canaries() {
    Endpoint terminating = endpoint("10.99.0.2", null, null);
    terminating.getConditions().setReady(false);
    terminating.getConditions().setTerminating(true);
    return List.of(
        node("canary-node", "198.51.100.7"),
        service(
            "canary",
            "web",
            "Local",
            Map.of(Annotations.POOL, "canary-web", Annotations.CLUSTERS, "east")),
        slice("canary", "web", List.of(endpoint("10.99.1.1", "canary-node", null))),
        service("canary", "pods", "Cluster", Map.of(Annotations.MODE, "pod")),
        slice("canary", "pods", List.of(terminating, endpoint("10.99.0.1", "gone", null))));
  }

  /** A Local-policy Service with {@code n} endpoints on 50 nodes, each pod with its hostPort. */
  static List<HasMetadata> huge(String ns, String name, BackendMode mode, int n) {
    List<HasMetadata> objects = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      objects.add(node("node-" + i, "10.0.0." + i));
    }
    List<Endpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      endpoints.add(endpoint("10.244." + i / 256 + "." + i % 256, "node-" + i % 50, "p" + i));
      objects.add(
          new PodBuilder()
              .withNewMetadata()
              .withNamespace(ns)
              .withName("p" + i)
              .endMetadata()
              .withNewSpec()
              .addNewContainer()
              .withName("app")
              .addNewPort()
              .withContainerPort(8080)
              .withHostPort(10_000 + i)
              .endPort()
              .endContainer()
              .endSpec()
              .build());
    }
    objects.add(service(ns, name, "Local", Map.of(Annotations.MODE, mode.text())));
    objects.add(slice(ns, name, endpoints));
    return objects;
  }

  static HasMetadata node(String name, String ip) {
    return io.vtmsync.demo.ClusterScript.readyNode(name, ip);
  }

  static Service service(String ns, String name, String policy, Map<String, String> ann) {
    Map<String, String> all = new TreeMap<>(ann);
    all.put(Annotations.EXPOSE, "true");
    return new ServiceBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .withAnnotations(all)
        .endMetadata()
        .withNewSpec()
        .withType("NodePort")
        .withExternalTrafficPolicy(policy)
        .addNewPort()
        .withName("http")
        .withPort(80)
        .withNodePort(31999)
        .withTargetPort(new IntOrString(8080))
        .endPort()
        .endSpec()
        .build();
  }

  static HasMetadata slice(String ns, String svc, List<Endpoint> endpoints) {
    return new EndpointSliceBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(svc + "-abc")
        .withLabels(Map.of(KubeNames.SERVICE_NAME_LABEL, svc))
        .endMetadata()
        .withAddressType("IPv4")
        .addNewPort()
        .withName("http")
        .withPort(8080)
        .endPort()
        .withEndpoints(endpoints)
        .build();
  }

  static Endpoint endpoint(String ip, String node, String pod) {
    return new EndpointBuilder()
        .withAddresses(ip)
        .withNodeName(node)
        .withNewConditions()
        .withReady(true)
        .withServing(true)
        .endConditions()
        .withNewTargetRef()
        .withKind("Pod")
        .withName(pod)
        .endTargetRef()
        .build();
  }
}
