package io.vtmsync.k8s;

import static io.vtmsync.k8s.Manifests.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.vtmsync.app.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The manifests in {@code k8s/} parse, match what the code reads and run it safely. */
class ManifestsTest {

  private static final String NS = "vtm-k8s-sync";
  private static final String SYNC_SCRIPT = "run k8s/sync-configmap.sh";

  private static final Map<String, Class<? extends HasMetadata>> TYPES =
      Map.ofEntries(
          Map.entry("namespace.yaml", Namespace.class),
          Map.entry("serviceaccount.yaml", ServiceAccount.class),
          Map.entry("clusterrole.yaml", ClusterRole.class),
          Map.entry("clusterrolebinding.yaml", ClusterRoleBinding.class),
          Map.entry("clusterrole-events.yaml", ClusterRole.class),
          Map.entry("clusterrolebinding-events.yaml", ClusterRoleBinding.class),
          Map.entry("role-leases.yaml", Role.class),
          Map.entry("rolebinding-leases.yaml", RoleBinding.class),
          Map.entry("configmap.yaml", ConfigMap.class),
          Map.entry("deployment.yaml", Deployment.class),
          Map.entry("pdb.yaml", PodDisruptionBudget.class),
          Map.entry(Manifests.SECRET_EXAMPLE, Secret.class));

  @Test
  void kustomization_lists_every_manifest_except_the_secret_example_and_itself() {
    List<String> expected = new ArrayList<>(Manifests.yamlFiles());
    expected.removeAll(List.of(Manifests.KUSTOMIZATION, Manifests.SECRET_EXAMPLE));
    assertThat(Manifests.kustomizationResources()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(Manifests.kustomization()).containsEntry("namespace", NS);
  }

  @Test
  void every_manifest_parses_into_its_kubernetes_type_in_the_app_namespace() {
    assertThat(TYPES.keySet()).containsExactlyInAnyOrderElementsOf(withoutKustomization());
    TYPES.forEach(
        (file, type) -> {
          HasMetadata o = object(file);
          assertThat(o).as(file).isInstanceOf(type);
          assertThat(o.getMetadata().getLabels())
              .as(file)
              .containsEntry("app.kubernetes.io/name", NS);
          boolean clusterScoped = o instanceof Namespace || o.getKind().startsWith("Cluster");
          assertThat(o.getMetadata().getNamespace()).as(file).isEqualTo(clusterScoped ? null : NS);
        });
  }

  @Test
  void cluster_role_grants_exactly_get_list_watch_on_what_the_code_reads() {
    ClusterRole role = object("clusterrole.yaml", ClusterRole.class);
    assertThat(grants(role.getRules())).isEqualTo(expected(Kinds.READ, Kinds.READ_VERBS));
  }

  @Test
  void events_role_grants_exactly_create_and_patch_on_events() {
    ClusterRole role = object("clusterrole-events.yaml", ClusterRole.class);
    assertThat(grants(role.getRules())).isEqualTo(expected(Kinds.EVENTS, Kinds.EVENT_VERBS));
  }

  @Test
  void lease_role_grants_exactly_what_leader_election_needs() {
    Role role = object("role-leases.yaml", Role.class);
    assertThat(grants(role.getRules())).isEqualTo(expected(Kinds.LEASE, Kinds.LEASE_VERBS));
  }

  @Test
  void bindings_grant_the_roles_to_the_service_account_and_nobody_else() {
    ServiceAccount sa = object("serviceaccount.yaml", ServiceAccount.class);
    ClusterRoleBinding crb = object("clusterrolebinding.yaml", ClusterRoleBinding.class);
    ClusterRoleBinding events = object("clusterrolebinding-events.yaml", ClusterRoleBinding.class);
    RoleBinding rb = object("rolebinding-leases.yaml", RoleBinding.class);
    String clusterRole = object("clusterrole.yaml").getMetadata().getName();
    String eventsRole = object("clusterrole-events.yaml").getMetadata().getName();
    String role = object("role-leases.yaml").getMetadata().getName();

    assertThat(crb.getRoleRef())
        .isEqualTo(new RoleRef("rbac.authorization.k8s.io", "ClusterRole", clusterRole));
    assertThat(events.getRoleRef())
        .isEqualTo(new RoleRef("rbac.authorization.k8s.io", "ClusterRole", eventsRole));
    assertThat(rb.getRoleRef()).isEqualTo(new RoleRef("rbac.authorization.k8s.io", "Role", role));
    Subject subject = new Subject(null, "ServiceAccount", sa.getMetadata().getName(), NS);
    assertThat(crb.getSubjects()).containsExactly(subject);
    assertThat(events.getSubjects()).containsExactly(subject);
    assertThat(rb.getSubjects()).containsExactly(subject);
    assertThat(pod().getServiceAccountName()).isEqualTo(sa.getMetadata().getName());
    assertThat(pod().getAutomountServiceAccountToken()).isTrue();
  }

  @Test
  void deployment_runs_two_replicas_of_the_image_the_pom_builds() {
    Deployment d = object("deployment.yaml", Deployment.class);
    String tag = Manifests.pomProperty("image.tag");
    String name = Manifests.pomProperty("image.name");
    assertThat(d.getSpec().getReplicas()).isEqualTo(2);
    assertThat(container().getImage()).isEqualTo("ghcr.io/vtm-k8s-sync/vtm-k8s-sync:" + tag);
    assertThat(name).isEqualTo("ghcr.io/vtm-k8s-sync/vtm-k8s-sync");
    assertThat(Manifests.kustomization().get("images"))
        .isEqualTo(List.of(Map.of("name", name, "newTag", tag)));
    // The image's entrypoint is the launcher over /app/vtm-k8s-sync.jar; the pod only picks the
    // files.
    assertThat(container().getCommand()).isEmpty();
    assertThat(container().getArgs())
        .containsExactly(
            "run", "--config=/config/application.properties", "--routes=/config/routes");
    PodDisruptionBudget pdb = object("pdb.yaml", PodDisruptionBudget.class);
    assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
    assertThat(pdb.getSpec().getSelector()).isEqualTo(d.getSpec().getSelector());
  }

  @Test
  void pod_runs_as_non_root_with_a_read_only_root_filesystem_and_no_capabilities() {
    var pod = pod().getSecurityContext();
    var c = container().getSecurityContext();
    assertThat(pod.getRunAsNonRoot()).isTrue();
    assertThat(pod.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(c.getRunAsNonRoot()).isTrue();
    assertThat(c.getRunAsUser()).isEqualTo(65532L);
    assertThat(c.getRunAsGroup()).isEqualTo(65532L);
    assertThat(c.getReadOnlyRootFilesystem()).isTrue();
    assertThat(c.getAllowPrivilegeEscalation()).isFalse();
    assertThat(c.getPrivileged()).isNotEqualTo(Boolean.TRUE);
    assertThat(c.getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(c.getCapabilities().getAdd()).isEmpty();
    assertThat(c.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(mount("/tmp")).isNotNull();
    assertThat(volume(mount("/tmp").getName()).getEmptyDir()).isNotNull();
  }

  @Test
  void probes_check_the_camel_health_endpoints_on_the_management_port() {
    Container c = container();
    assertThat(c.getPorts()).hasSize(1);
    assertThat(c.getPorts().get(0).getName()).isEqualTo("http");
    int port = c.getPorts().get(0).getContainerPort();
    assertThat(Integer.parseInt(appProperties().getProperty("camel.management.port")))
        .isEqualTo(port);
    assertProbe(c.getStartupProbe(), "/observe/health/live");
    assertProbe(c.getLivenessProbe(), "/observe/health/live");
    assertProbe(c.getReadinessProbe(), "/observe/health/ready");
    Map<String, String> annotations =
        object("deployment.yaml", Deployment.class)
            .getSpec()
            .getTemplate()
            .getMetadata()
            .getAnnotations();
    assertThat(annotations)
        .containsEntry("prometheus.io/scrape", "true")
        .containsEntry("prometheus.io/port", String.valueOf(port))
        .containsEntry("prometheus.io/path", "/observe/metrics");
  }

  @Test
  void leader_election_identity_comes_from_the_downward_api() {
    Map<String, String> fields =
        container().getEnv().stream()
            .filter(e -> e.getValueFrom() != null && e.getValueFrom().getFieldRef() != null)
            .collect(
                Collectors.toMap(
                    EnvVar::getName, e -> e.getValueFrom().getFieldRef().getFieldPath()));
    assertThat(fields)
        .isEqualTo(Map.of("POD_NAME", "metadata.name", "POD_NAMESPACE", "metadata.namespace"));
    Properties p = appProperties();
    assertThat(p.getProperty("ha.enabled")).isEqualTo("true");
    assertThat(p.getProperty("ha.lease-name")).isEqualTo("vtm-k8s-sync");
    assertThat(p.getProperty("ha.namespace")).isEqualTo("{{env:POD_NAMESPACE}}");
    assertThat(p.getProperty("ha.pod-name")).isEqualTo("{{env:POD_NAME}}");
  }

  @Test
  void resources_request_cpu_and_memory_and_limit_memory_only() {
    var r = container().getResources();
    assertThat(r.getRequests())
        .isEqualTo(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("256Mi")));
    assertThat(r.getLimits()).isEqualTo(Map.of("memory", new Quantity("512Mi")));
    assertThat(env("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=");
  }

  @Test
  void vtm_secrets_come_from_a_read_only_secret_mount_and_never_from_env() {
    VolumeMount m = mount("/secrets/vtm");
    assertThat(m.getReadOnly()).isTrue();
    assertThat(volume(m.getName()).getSecret().getSecretName()).isEqualTo("vtm-k8s-sync-vtm");
    for (EnvVar e : container().getEnv()) {
      assertThat(e.getName()).as("env").doesNotContainPattern("(?i)password|token|secret|key");
      assertThat(e.getValueFrom() == null || e.getValueFrom().getSecretKeyRef() == null).isTrue();
    }
    Secret example = object(Manifests.SECRET_EXAMPLE, Secret.class);
    assertThat(example.getMetadata().getName()).isEqualTo("vtm-k8s-sync-vtm");
    Properties p = appProperties();
    for (String cluster : p.getProperty("vtm.clusters").split(",")) {
      for (String key : List.of("password-file", "ca-file")) {
        Path file = Path.of(p.getProperty("vtm." + cluster.trim() + "." + key));
        assertThat(file.getParent()).as(key).isEqualTo(Path.of(m.getMountPath()));
        assertThat(example.getStringData()).containsKey(file.getFileName().toString());
      }
    }
  }

  @Test
  void every_route_file_is_in_the_configmap_with_identical_content() throws Exception {
    Map<String, String> data = object("configmap.yaml", ConfigMap.class).getData();
    Map<String, String> routes = new TreeMap<>();
    try (Stream<Path> files = Files.list(Path.of("routes"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
        routes.put(f.getFileName().toString(), Files.readString(f));
      }
    }
    Map<String, String> copies = new TreeMap<>(data);
    copies.remove("application.properties");
    assertThat(copies).as(SYNC_SCRIPT).isEqualTo(routes);
    Map<String, String> items = new TreeMap<>();
    volume(mount("/config").getName())
        .getConfigMap()
        .getItems()
        .forEach(i -> items.put(i.getKey(), i.getPath()));
    Map<String, String> expected = new TreeMap<>();
    expected.put("application.properties", "application.properties");
    routes.keySet().forEach(r -> expected.put(r, "routes/" + r));
    assertThat(items).as(SYNC_SCRIPT).isEqualTo(expected);
  }

  @Test
  void configmap_settings_are_valid_and_enable_leader_election_management_and_vtm() {
    Properties p = appProperties();
    assertThat(p.getProperty("camel.management.enabled")).isEqualTo("true");
    assertThat(p.getProperty("camel.management.health-check-enabled")).isEqualTo("true");
    assertThat(p.getProperty("camel.management.metrics-enabled")).isEqualTo("true");
    assertThat(p.getProperty("sink.file.enabled")).isEqualTo("false");
    assertThat(p.getProperty("k8s.kubeconfig")).isEmpty();
    assertThat(p).containsKeys("ha.enabled", "vtm.clusters");
    // Every setting of config/application.properties is set in the cluster too, and valid there.
    Properties local = Manifests.properties(Path.of("config/application.properties"));
    assertThat(p.stringPropertyNames()).containsAll(local.stringPropertyNames());
    Settings.read(p::getProperty, p.stringPropertyNames());
  }

  @Test
  void no_manifest_holds_a_literal_password_or_token() {
    Pattern secretKey = Pattern.compile("(?i)^\\s*-?\\s*[\\w.-]*(password|token)\\s*[:=]\\s*(.*)$");
    Pattern allowed = Pattern.compile("|/\\S*|true|false|.*CHANGE-ME.*|\"?\\{\\{[\\w:.-]+}}\"?");
    List<String> found = new ArrayList<>();
    for (String file : Manifests.yamlFiles()) {
      String[] lines = Manifests.text(file).split("\n");
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].strip().startsWith("#")) {
          continue;
        }
        Matcher m = secretKey.matcher(lines[i]);
        if (m.find() && !allowed.matcher(m.group(2).strip()).matches()) {
          found.add(file + ":" + (i + 1) + ": " + lines[i].strip());
        }
      }
    }
    assertThat(found).as("literal secrets").isEmpty();
  }

  private static List<String> withoutKustomization() {
    List<String> files = new ArrayList<>(Manifests.yamlFiles());
    files.remove(Manifests.KUSTOMIZATION);
    return files;
  }

  /** "group/resource" -> verbs, failing on wildcards, resource names and non-resource URLs. */
  private static Map<String, TreeSet<String>> grants(List<PolicyRule> rules) {
    Map<String, TreeSet<String>> out = new TreeMap<>();
    for (PolicyRule r : rules) {
      assertThat(r.getResourceNames()).as("resourceNames").isEmpty();
      assertThat(r.getNonResourceURLs()).as("nonResourceURLs").isEmpty();
      for (String g : r.getApiGroups()) {
        for (String res : r.getResources()) {
          assertThat(List.of(g, res)).as("wildcard").doesNotContain("*");
          assertThat(r.getVerbs()).as("wildcard").doesNotContain("*");
          out.computeIfAbsent(g + "/" + res, k -> new TreeSet<>()).addAll(r.getVerbs());
        }
      }
    }
    return out;
  }

  private static Map<String, TreeSet<String>> expected(List<String[]> kinds, List<String> verbs) {
    Map<String, TreeSet<String>> out = new TreeMap<>();
    kinds.forEach(k -> out.put(k[0] + "/" + k[1], new TreeSet<>(verbs)));
    return out;
  }

  private static void assertProbe(Probe probe, String path) {
    assertThat(probe).as(path).isNotNull();
    assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
    assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    assertThat(probe.getPeriodSeconds()).isPositive();
    assertThat(probe.getFailureThreshold()).isGreaterThan(1);
  }

  private static PodSpec pod() {
    return object("deployment.yaml", Deployment.class).getSpec().getTemplate().getSpec();
  }

  private static Container container() {
    assertThat(pod().getContainers()).hasSize(1);
    return pod().getContainers().get(0);
  }

  private static String env(String name) {
    return container().getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no env " + name));
  }

  private static VolumeMount mount(String path) {
    return container().getVolumeMounts().stream()
        .filter(m -> m.getMountPath().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
  }

  private static Volume volume(String name) {
    return pod().getVolumes().stream()
        .filter(v -> v.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }

  private static Properties appProperties() {
    return Manifests.properties(
        object("configmap.yaml", ConfigMap.class).getData().get("application.properties"));
  }
}
