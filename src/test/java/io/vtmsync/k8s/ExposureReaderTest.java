package io.vtmsync.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.vtmsync.pool.BackendMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExposureReaderTest {

  private static final ExposureDefaults DEFAULTS =
      ExposureDefaults.standard().withClusters(Set.of("east", "west"));

  private static Service svc(String... annotations) {
    Map<String, String> ann = new LinkedHashMap<>();
    for (int i = 0; i < annotations.length; i += 2) {
      ann.put(Annotations.PREFIX + annotations[i], annotations[i + 1]);
    }
    return new ServiceBuilder()
        .withNewMetadata()
        .withNamespace("ns")
        .withName("web")
        .withAnnotations(ann)
        .endMetadata()
        .build();
  }

  @Test
  void a_service_without_our_annotations_is_not_exposed() {
    assertThat(new ExposureReader(DEFAULTS).read(svc())).isInstanceOf(Exposure.NotExposed.class);
  }

  @Test
  void expose_true_uses_the_defaults() {
    Exposure.Spec s = (Exposure.Spec) new ExposureReader(DEFAULTS).read(svc("expose", "true"));
    assertThat(s.mode()).isEqualTo(BackendMode.NODEPORT);
    assertThat(s.ports()).isEmpty();
    assertThat(s.clusters()).isEmpty();
    assertThat(s.addressType()).isEqualTo(AddressType.INTERNAL_IP);
  }

  @Test
  void every_annotation_is_read() {
    Exposure.Spec s =
        (Exposure.Spec)
            new ExposureReader(DEFAULTS)
                .read(
                    svc(
                        "expose",
                        "true",
                        "port",
                        "https",
                        "pool",
                        "web-tls",
                        "mode",
                        "hostport",
                        "clusters",
                        "east",
                        "address-type",
                        "ExternalIP",
                        "node-selector",
                        "role=edge",
                        "weight",
                        "5"));
    assertThat(s.ports()).containsExactly("https");
    assertThat(s.pool()).isEqualTo("web-tls");
    assertThat(s.mode()).isEqualTo(BackendMode.HOSTPORT);
    assertThat(s.clusters()).containsExactly("east");
    assertThat(s.addressType()).isEqualTo(AddressType.EXTERNAL_IP);
    assertThat(s.nodeSelector().matches(Map.of("role", "edge"))).isTrue();
    assertThat(s.weight()).isEqualTo(5);
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "5, 5", "100, 100"})
  void weight_takes_1_to_100(String raw, int weight) {
    Exposure e = new ExposureReader(DEFAULTS).read(svc("expose", "true", "weight", raw));
    assertThat(((Exposure.Spec) e).weight()).isEqualTo(weight);
  }

  @Test
  void weight_defaults_to_1() {
    Exposure e = new ExposureReader(DEFAULTS).read(svc("expose", "true"));
    assertThat(((Exposure.Spec) e).weight()).isEqualTo(1);
  }

  @Test
  void config_listing_exposes_a_service_and_expose_false_opts_it_out() {
    ExposureReader r = new ExposureReader(DEFAULTS.withServices(Map.of("ns/web", "http")));
    assertThat(((Exposure.Spec) r.read(svc())).ports()).containsExactly("http");
    assertThat(r.read(svc("expose", "false"))).isInstanceOf(Exposure.NotExposed.class);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "expose|yes|invalid vtm-k8s-sync.io/expose='yes': expected true or false",
        "mode|magic|invalid vtm-k8s-sync.io/mode='magic': expected nodeport, pod or hostport",
        "pool|../etc|invalid vtm-k8s-sync.io/pool='../etc': invalid pool name '../etc'",
        "pool|a/b|invalid vtm-k8s-sync.io/pool='a/b'",
        "port|HTTP_x|'HTTP_x' is not a port name",
        "clusters|north|no vTM cluster 'north' is configured",
        "address-type|Hostname|expected InternalIP or ExternalIP",
        "node-selector|a=b=c|invalid label selector",
        "prot|http|unknown annotation vtm-k8s-sync.io/prot",
        "weight|0|invalid vtm-k8s-sync.io/weight='0': expected a whole number from 1 to 100",
        "weight|101|invalid vtm-k8s-sync.io/weight='101': expected a whole number from 1 to 100",
        "weight|heavy|invalid vtm-k8s-sync.io/weight='heavy'",
        "weight|2.5|invalid vtm-k8s-sync.io/weight='2.5'",
        "weight|-5|invalid vtm-k8s-sync.io/weight='-5'",
        "weight|05|invalid vtm-k8s-sync.io/weight='05'",
        "weight|''|invalid vtm-k8s-sync.io/weight=''",
        "weight|99999999999|invalid vtm-k8s-sync.io/weight='99999999999'"
      })
  void a_bad_annotation_value_is_reported_naming_the_service_and_the_key(
      String key, String value, String message) {
    Service s = "expose".equals(key) ? svc(key, value) : svc("expose", "true", key, value);
    Exposure e = new ExposureReader(DEFAULTS).read(s);
    assertThat(e).isInstanceOf(Exposure.Invalid.class);
    assertThat(((Exposure.Invalid) e).message()).startsWith("Service 'ns/web': ").contains(message);
  }

  @Test
  void one_pool_name_for_several_ports_is_refused() {
    Exposure e =
        new ExposureReader(DEFAULTS).read(svc("expose", "true", "port", "http,https", "pool", "x"));
    assertThat(((Exposure.Invalid) e).message()).contains("names one pool");
    assertThat(
            ((Exposure.Spec)
                    new ExposureReader(DEFAULTS).read(svc("expose", "true", "port", "http, https")))
                .ports())
        .isEqualTo(List.of("http", "https"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a mode typo keeps the pool annotation|mode|nodeprot|pool|web-prod|web-prod",
        "a mode typo keeps the port annotation|mode|nodeprot|port|http|ns-web-http",
        "a typo in expose still names the pool|expose|ture|pool|web-prod|web-prod",
        "a bad pool name names nothing|mode|pod|pool|a/b|",
        "a bad port name names nothing|mode|nodeprot|port|HTTP_x|"
      })
  void a_service_whose_settings_fail_is_named_as_far_as_its_settings_can_tell(
      String why, String badKey, String badValue, String key, String value, String pool) {
    Service s = svc("expose", "true", key, value, badKey, badValue);
    s.setSpec(
        new io.fabric8.kubernetes.api.model.ServiceSpecBuilder()
            .addNewPort()
            .withName("http")
            .withPort(80)
            .endPort()
            .build());
    Exposure e = new ExposureReader(DEFAULTS).read(s);
    assertThat(e).isInstanceOf(Exposure.Invalid.class);
    assertThat(io.vtmsync.pool.PoolPlanner.poolNames(s, ((Exposure.Invalid) e).names()))
        .isEqualTo(pool == null ? List.of() : List.of(pool));
  }
}
