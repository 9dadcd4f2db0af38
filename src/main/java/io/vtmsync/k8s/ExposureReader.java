package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.Service;
import io.vtmsync.pool.BackendMode;
import io.vtmsync.pool.Member;
import io.vtmsync.pool.PoolName;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Decides from annotations and config whether a Service is exposed, and with which settings. */
public final class ExposureReader {

  private static final Pattern PORT_NAME = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
  private static final Pattern CLUSTER = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
  private static final Pattern WEIGHT = Pattern.compile("^[1-9][0-9]{0,2}$");

  private final ExposureDefaults defaults;

  public ExposureReader(ExposureDefaults defaults) {
    this.defaults = defaults;
  }

  public Exposure read(Service service) {
    Map<String, String> ann = service.getMetadata().getAnnotations();
    ann = ann == null ? Map.of() : ann;
    String configured = defaults.services().get(KubeNames.key(service));
    try {
      String expose = ann.get(Annotations.EXPOSE);
      boolean exposed = expose == null ? configured != null : bool(Annotations.EXPOSE, expose);
      if (!exposed) {
        return new Exposure.NotExposed();
      }
      return spec(ann, configured == null ? "" : configured);
    } catch (IllegalArgumentException e) {
      return new Exposure.Invalid(
          "Service '" + KubeNames.key(service) + "': " + e.getMessage(),
          names(ann, configured == null ? "" : configured));
    }
  }

  /** True for a Service whose plan reads pods: exposed in hostport mode, settings valid. */
  public boolean readsPods(Service service) {
    return read(service) instanceof Exposure.Spec spec && spec.mode() == BackendMode.HOSTPORT;
  }

  /**
   * The pool naming of a Service whose settings failed, when it can still be told: a valid pool
   * annotation, or (without one) a valid port selection. An invalid pool annotation names nothing:
   * deriving a name from the ports would guess at a pool the user did not ask for.
   */
  private static Exposure.Names names(Map<String, String> ann, String configuredPorts) {
    String pool = ann.get(Annotations.POOL);
    if (pool != null) {
      return PoolName.isValid(pool) ? new Exposure.Names(pool, List.of()) : null;
    }
    try {
      return new Exposure.Names(null, ports(ann.getOrDefault(Annotations.PORT, configuredPorts)));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Exposure.Spec spec(Map<String, String> ann, String configuredPorts) {
    for (String key : ann.keySet()) {
      if (key.startsWith(Annotations.PREFIX) && !Annotations.ALL.contains(key)) {
        throw new IllegalArgumentException(
            "unknown annotation " + key + "; known: " + String.join(", ", Annotations.ALL));
      }
    }
    List<String> ports = ports(ann.getOrDefault(Annotations.PORT, configuredPorts));
    String pool = value(ann, Annotations.POOL, null, PoolName::require);
    if (pool != null && (ports.size() > 1 || ports.equals(List.of("*")))) {
      throw new IllegalArgumentException(
          Annotations.POOL + " names one pool, but " + Annotations.PORT + " selects several ports");
    }
    return new Exposure.Spec(
        value(ann, Annotations.MODE, defaults.mode(), BackendMode::parse),
        ports,
        pool,
        value(ann, Annotations.CLUSTERS, Set.of(), this::clusters),
        value(ann, Annotations.ADDRESS_TYPE, defaults.addressType(), AddressType::parse),
        value(ann, Annotations.NODE_SELECTOR, defaults.nodeSelector(), LabelSelector::parse),
        value(ann, Annotations.WEIGHT, Member.DEFAULT, ExposureReader::weight));
  }

  /** A whole number vTM accepts as a node weight; "05" and " 5" are refused, not guessed at. */
  private static int weight(String raw) {
    if (WEIGHT.matcher(raw).matches()) {
      int w = Integer.parseInt(raw);
      if (w >= Member.MIN_WEIGHT && w <= Member.MAX_WEIGHT) {
        return w;
      }
    }
    throw new IllegalArgumentException("expected a whole number from 1 to 100");
  }

  private static <T> T value(
      Map<String, String> ann, String key, T fallback, Function<String, T> parse) {
    String raw = ann.get(key);
    if (raw == null) {
      return fallback;
    }
    try {
      return parse.apply(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid " + key + "='" + raw + "': " + e.getMessage());
    }
  }

  private static boolean bool(String key, String raw) {
    if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(raw);
    }
    throw new IllegalArgumentException("invalid " + key + "='" + raw + "': expected true or false");
  }

  private static List<String> ports(String raw) {
    List<String> names = split(raw);
    if (names.equals(List.of("*"))) {
      return names;
    }
    for (String n : names) {
      if (!PORT_NAME.matcher(n).matches()) {
        throw new IllegalArgumentException(
            "invalid " + Annotations.PORT + "='" + raw + "': '" + n + "' is not a port name");
      }
    }
    return names;
  }

  private Set<String> clusters(String raw) {
    Set<String> names = new LinkedHashSet<>(split(raw));
    for (String n : names) {
      if (!CLUSTER.matcher(n).matches()) {
        throw new IllegalArgumentException("'" + n + "' is not a cluster name");
      }
      if (!defaults.clusters().isEmpty() && !defaults.clusters().contains(n)) {
        throw new IllegalArgumentException(
            "no vTM cluster '" + n + "' is configured; known: " + defaults.clusters());
      }
    }
    return names;
  }

  private static List<String> split(String raw) {
    return Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
