package io.vtmsync.app;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.vtmsync.k8s.AddressType;
import io.vtmsync.k8s.ClusterView;
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
import io.vtmsync.pool.ServicePlan;
import io.vtmsync.vtm.ServiceDiscoveryJson;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code render}: reads one Service, its EndpointSlices, the nodes and pods once, and prints the
 * Service Discovery JSON, like the original plugin's Test button, with its error codes (400 bad
 * input, 500 Service unreadable, 204 nothing ready). Exit status 0 only for code 200. Settings come
 * from the Service's annotations when it has them (invalid ones fail as in the app); flags override
 * valid ones.
 */
public final class RenderCommand {

  private static final Set<String> FLAGS =
      Set.of("service", "port", "mode", "address-type", "kubeconfig", "context", "master-url");

  private RenderCommand() {}

  /** The command line as given: even a flag it cannot parse is answered with an error document. */
  static int run(List<String> args, PrintStream out) {
    Map<String, String> flags;
    try {
      flags = CommandLine.flags(args);
    } catch (IllegalArgumentException e) {
      return print(error("-", 400, e.getMessage()), out);
    }
    return run(flags, out);
  }

  /**
   * Prints exactly one plugin document whatever goes wrong, as vTM and scripts read stdout as JSON:
   * bad input (a kubeconfig that is missing, unreadable or lacks the context) is 400, the rest 500.
   */
  static int run(Map<String, String> flags, PrintStream out) {
    PoolPlan plan;
    try {
      plan = render(flags);
    } catch (IllegalArgumentException e) {
      plan = error(flags.getOrDefault("service", "-"), 400, e.getMessage());
    } catch (Exception e) {
      plan =
          error(flags.getOrDefault("service", "-"), 500, "render failed: " + Failures.describe(e));
    }
    return print(plan, out);
  }

  private static int print(PoolPlan plan, PrintStream out) {
    out.println(new String(ServiceDiscoveryJson.render(plan), StandardCharsets.UTF_8));
    return plan.ok() ? 0 : 1;
  }

  /** Checks the flags, reads the cluster over the API, and plans. */
  public static PoolPlan render(Map<String, String> flags) throws Exception {
    Optional<PoolPlan> bad = checkFlags(flags);
    if (bad.isPresent()) {
      return bad.get();
    }
    String[] ns = KubeNames.split(flags.get("service"));
    // The JDK's HTTP client: four GETs need no Vert.x event loops (less memory, faster start).
    try (KubernetesClient client =
        KubeClients.create(
            flags.get("kubeconfig"),
            flags.get("context"),
            flags.get("master-url"),
            1000,
            new JdkHttpClientFactory(),
            true)) {
      List<HasMetadata> objects = new ArrayList<>();
      try {
        Service svc = client.services().inNamespace(ns[0]).withName(ns[1]).get();
        if (svc != null) {
          objects.add(svc);
          objects.addAll(
              client
                  .discovery()
                  .v1()
                  .endpointSlices()
                  .inNamespace(ns[0])
                  .withLabel(KubeNames.SERVICE_NAME_LABEL, ns[1])
                  .list()
                  .getItems());
          objects.addAll(client.nodes().list().getItems());
          objects.addAll(client.pods().inNamespace(ns[0]).list().getItems());
        }
      } catch (KubernetesClientException e) {
        String key = flags.get("service");
        return error(key, 500, "failed to read service '" + key + "': " + Failures.describe(e));
      }
      return renderFrom(new SnapshotView(objects), flags);
    }
  }

  /** Plans from a view of the cluster (the pure half of {@link #render}). */
  public static PoolPlan renderFrom(ClusterView view, Map<String, String> flags) {
    Optional<PoolPlan> bad = checkFlags(flags);
    if (bad.isPresent()) {
      return bad.get();
    }
    String key = flags.get("service");
    String[] ns = KubeNames.split(key);
    Optional<Service> svc = view.service(ns[0], ns[1]);
    if (svc.isEmpty()) {
      return error(key, 500, "failed to read service '" + key + "': not found; does it exist?");
    }
    ExposureDefaults defaults = ExposureDefaults.standard();
    ExposureReader reader = new ExposureReader(defaults);
    PoolPlanner planner = new PoolPlanner(view, reader, 50);
    Exposure annotated = reader.read(svc.get());
    if (annotated instanceof Exposure.Invalid) {
      // The running app refuses the whole annotation set; no flag can make render disagree.
      return first(key, planner.planService(key));
    }
    Exposure.Spec spec;
    try {
      spec = spec(annotated, defaults, flags);
    } catch (IllegalArgumentException e) {
      return error(key, 400, e.getMessage());
    }
    return first(key, planner.plan(svc.get(), spec));
  }

  /** The Service's first pool as the app plans it; a held Service that names none, its error. */
  private static PoolPlan first(String key, ServicePlan planned) {
    if (!planned.pools().isEmpty()) {
      return planned.pools().get(0);
    }
    return error(key, 400, planned.held() ? planned.heldBecause() : planned.problems().get(0));
  }

  private static Exposure.Spec spec(Exposure annotated, ExposureDefaults d, Map<String, String> f) {
    Exposure.Spec base =
        annotated instanceof Exposure.Spec s
            ? s
            : new Exposure.Spec(
                d.mode(), List.of(), null, Set.of(), d.addressType(), LabelSelector.ALL);
    boolean port = f.containsKey("port");
    return new Exposure.Spec(
        f.containsKey("mode") ? BackendMode.parse(f.get("mode")) : base.mode(),
        port ? List.of(f.get("port")) : base.ports(),
        port ? null : base.pool(),
        Set.of(),
        f.containsKey("address-type")
            ? AddressType.parse(f.get("address-type"))
            : base.addressType(),
        base.nodeSelector(),
        base.weight());
  }

  private static Optional<PoolPlan> checkFlags(Map<String, String> flags) {
    for (String f : flags.keySet()) {
      if (!FLAGS.contains(f)) {
        return Optional.of(error("-", 400, "unknown option --" + f + "; known: " + FLAGS));
      }
    }
    String key = flags.get("service");
    if (key == null || key.isBlank()) {
      return Optional.of(
          error("-", 400, "Service name must be specified with '--service=NAMESPACE/NAME'"));
    }
    try {
      KubeNames.split(key);
    } catch (IllegalArgumentException e) {
      return Optional.of(error(key, 400, "--service: " + e.getMessage()));
    }
    return Optional.empty();
  }

  private static PoolPlan error(String service, int code, String message) {
    return PoolPlan.failed("render", service, Set.of(), code, message);
  }
}
