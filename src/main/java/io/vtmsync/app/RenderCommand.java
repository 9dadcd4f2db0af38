package io.vtmsync.app;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.vtmsync.k8s.AddressType;
import io.vtmsync.k8s.Exposure;
import io.vtmsync.k8s.ExposureDefaults;
import io.vtmsync.k8s.ExposureReader;
import io.vtmsync.k8s.KubeClients;
import io.vtmsync.k8s.KubeNames;
import io.vtmsync.k8s.LabelSelector;
import io.vtmsync.k8s.SnapshotView;
import io.vtmsync.pool.BackendMode;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.pool.PoolPlanner;
import io.vtmsync.vtm.ServiceDiscoveryJson;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code render}: reads one Service, its EndpointSlices and the nodes once, and prints the Service
 * Discovery JSON, like the original plugin's Test button, with its error codes (400 bad input, 500
 * Service unreadable, 204 nothing ready). Exit status 0 only for code 200.
 */
final class RenderCommand {

  private static final Set<String> FLAGS =
      Set.of("service", "port", "mode", "address-type", "kubeconfig", "context", "master-url");

  private RenderCommand() {}

  static int run(Map<String, String> flags, PrintStream out) throws Exception {
    PoolPlan plan = render(flags);
    out.println(new String(ServiceDiscoveryJson.render(plan), StandardCharsets.UTF_8));
    return plan.ok() ? 0 : 1;
  }

  static PoolPlan render(Map<String, String> flags) throws Exception {
    String key = flags.get("service");
    for (String f : flags.keySet()) {
      if (!FLAGS.contains(f)) {
        return error("-", 400, "unknown option --" + f + "; known: " + FLAGS);
      }
    }
    if (key == null || key.isBlank()) {
      return error("-", 400, "Service name must be specified with '--service=NAMESPACE/NAME'");
    }
    String[] ns;
    try {
      ns = KubeNames.split(key);
    } catch (IllegalArgumentException e) {
      return error(key, 400, "--service: " + e.getMessage());
    }
    try (KubernetesClient client =
        KubeClients.create(
            flags.get("kubeconfig"), flags.get("context"), flags.get("master-url"), 1000)) {
      return plan(client, ns[0], ns[1], flags);
    }
  }

  private static PoolPlan plan(
      KubernetesClient client, String ns, String name, Map<String, String> flags) {
    String key = KubeNames.key(ns, name);
    List<HasMetadata> objects = new ArrayList<>();
    Service svc;
    try {
      svc = client.services().inNamespace(ns).withName(name).get();
      if (svc == null) {
        return error(key, 500, "failed to read service '" + key + "': not found; does it exist?");
      }
      objects.add(svc);
      objects.addAll(
          client
              .discovery()
              .v1()
              .endpointSlices()
              .inNamespace(ns)
              .withLabel(KubeNames.SERVICE_NAME_LABEL, name)
              .list()
              .getItems());
      objects.addAll(client.nodes().list().getItems());
      objects.addAll(client.pods().inNamespace(ns).list().getItems());
    } catch (KubernetesClientException e) {
      return error(key, 500, "failed to read service '" + key + "': " + firstLine(e.getMessage()));
    }
    ExposureDefaults defaults = ExposureDefaults.standard();
    Exposure annotated = new ExposureReader(defaults).read(svc);
    Exposure.Spec base =
        annotated instanceof Exposure.Spec s
            ? s
            : new Exposure.Spec(
                defaults.mode(),
                List.of(),
                null,
                Set.of(),
                defaults.addressType(),
                LabelSelector.ALL);
    Exposure.Spec spec;
    try {
      spec =
          new Exposure.Spec(
              flags.containsKey("mode") ? BackendMode.parse(flags.get("mode")) : base.mode(),
              flags.containsKey("port") ? List.of(flags.get("port")) : base.ports(),
              flags.containsKey("port") ? null : base.pool(),
              Set.of(),
              flags.containsKey("address-type")
                  ? AddressType.parse(flags.get("address-type"))
                  : base.addressType(),
              base.nodeSelector());
    } catch (IllegalArgumentException e) {
      return error(key, 400, e.getMessage());
    }
    List<PoolPlan> plans =
        new PoolPlanner(new SnapshotView(objects), new ExposureReader(defaults), 50)
            .plan(svc, spec);
    return plans.get(0);
  }

  private static PoolPlan error(String service, int code, String message) {
    return PoolPlan.failed("render", service, Set.of(), code, message);
  }

  private static String firstLine(String s) {
    return s == null ? "unknown error" : s.lines().findFirst().orElse(s);
  }
}
