package io.vtmsync.app;

import io.vtmsync.k8s.AddressType;
import io.vtmsync.k8s.ExposureDefaults;
import io.vtmsync.k8s.KubeNames;
import io.vtmsync.k8s.LabelSelector;
import io.vtmsync.pool.BackendMode;
import io.vtmsync.pool.SafeWritePolicy;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The app's settings, read once at start and checked: a bad value or an unknown key in our
 * namespaces ({@code k8s.}, {@code sync.}, {@code sink.}, {@code vtm.}, {@code ha.}, {@code
 * events.}), or a {@code camel.} key Camel Main would not bind, stops the start with a message that
 * names the key. Defaults live in {@code config/application.properties}.
 */
public record Settings(
    String kubeconfig,
    String context,
    String masterUrl,
    Set<String> namespaces,
    boolean watchPods,
    long watchReconnectMs,
    ExposureDefaults exposure,
    long debounceMs,
    int concurrency,
    long resyncMs,
    SafeWritePolicy.EmptyPool emptyPool,
    int notReadyGuardPercent,
    boolean fileEnabled,
    Path fileDirectory,
    boolean fileDeleteRemoved,
    long heartbeatMs,
    long retryBaseMs,
    long retryMaxMs,
    VtmSettings vtm,
    HaSettings ha,
    boolean dryRun,
    long unreadyAfterMs,
    boolean eventsEnabled,
    List<SourceSettings> sources) {

  static final List<String> KEYS =
      List.of(
          "k8s.clusters",
          "k8s.kubeconfig",
          "k8s.context",
          "k8s.master-url",
          "k8s.namespaces",
          "k8s.watch-pods",
          "k8s.watch-reconnect-interval-ms",
          "k8s.unready-after-ms",
          "k8s.address-type",
          "k8s.node-selector",
          "sync.sinks",
          "sync.services",
          "sync.default-mode",
          "sync.debounce-ms",
          "sync.concurrency",
          "sync.resync-period-ms",
          "sync.empty-pool",
          "sync.notready-guard-percent",
          "sync.retry-base-ms",
          "sync.retry-max-ms",
          "sync.dry-run",
          "sink.file.enabled",
          "sink.file.directory",
          "sink.file.removed",
          "sink.file.heartbeat-period-ms",
          "events.enabled");

  private static final List<String> OURS = List.of("k8s.", "sync.", "sink.", "ha.", "events.");

  /** Reads and checks the settings; {@code keys} are all keys the config files define. */
  public static Settings read(Function<String, String> props, Collection<String> keys) {
    Reader r = new Reader(props);
    List<String> sources = r.parse("k8s.clusters", "", SourceSettings::names);
    unknownKeys(keys, sources);
    VtmSettings vtm = VtmSettings.read(r, props, keys);
    r.parse("sync.sinks", "direct:sink-file,direct:sink-vtm", Settings::sinks);
    ExposureDefaults exposure =
        new ExposureDefaults(
            r.parse("sync.default-mode", "nodeport", BackendMode::parse),
            r.parse("k8s.address-type", "InternalIP", AddressType::parse),
            r.parse("k8s.node-selector", "", LabelSelector::parse),
            r.parse("sync.services", "", Settings::services),
            vtm.names());
    return new Settings(
        r.text("k8s.kubeconfig", ""),
        r.text("k8s.context", ""),
        r.text("k8s.master-url", ""),
        r.parse("k8s.namespaces", "", Settings::namespaces),
        r.bool("k8s.watch-pods", true),
        r.number("k8s.watch-reconnect-interval-ms", 1000, 10, 600_000),
        exposure,
        r.number("sync.debounce-ms", 100, 0, 60_000),
        (int) r.number("sync.concurrency", 2, 1, 64),
        r.number("sync.resync-period-ms", 60_000, 1000, 86_400_000),
        r.parse("sync.empty-pool", "hold", SafeWritePolicy.EmptyPool::parse),
        (int) r.number("sync.notready-guard-percent", 50, 0, 100),
        r.bool("sink.file.enabled", true),
        r.parse("sink.file.directory", "out/pools", Path::of),
        r.parse("sink.file.removed", "error", Settings::deleteRemoved),
        r.number("sink.file.heartbeat-period-ms", 15_000, 100, 3_600_000),
        r.number("sync.retry-base-ms", 200, 1, 60_000),
        r.number("sync.retry-max-ms", 30_000, 1, 3_600_000),
        vtm,
        HaSettings.read(r),
        r.bool("sync.dry-run", false),
        r.number("k8s.unready-after-ms", 60_000, 0, 86_400_000),
        r.bool("events.enabled", true),
        SourceSettings.read(r, sources, exposure, Settings::namespaces));
  }

  /** True when the sources are named ({@code k8s.clusters}): Service keys carry their source. */
  public boolean multiSource() {
    return !sources.get(0).name().isEmpty();
  }

  private static void unknownKeys(Collection<String> keys, List<String> sources) {
    CamelKeys.check(keys);
    SourceSettings.checkKeys(keys, sources);
    for (String key : keys) {
      if (key.startsWith("k8s.") && key.indexOf('.', 4) >= 0) {
        continue; // a source's key, checked above
      }
      if (OURS.stream().anyMatch(key::startsWith)
          && !KEYS.contains(key)
          && !HaSettings.KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "unknown config key '" + key + "'; known keys: " + String.join(", ", KEYS));
      }
    }
  }

  private static Set<String> namespaces(String raw) {
    Set<String> out =
        new TreeSet<>(
            Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    out.remove("*");
    return out;
  }

  /** {@code ns/name[:port]} entries, comma-separated; port is a name or {@code *}. */
  private static Map<String, String> services(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String entry : raw.split(",")) {
      String e = entry.trim();
      if (e.isEmpty()) {
        continue;
      }
      int colon = e.indexOf(':');
      String key = colon < 0 ? e : e.substring(0, colon);
      KubeNames.split(key);
      if (out.put(key, colon < 0 ? "" : e.substring(colon + 1)) != null) {
        throw new IllegalArgumentException("'" + key + "' is listed twice");
      }
    }
    return out;
  }

  /** Camel endpoint URIs, comma-separated; the sync route's recipient list. */
  private static List<String> sinks(String raw) {
    List<String> out = Arrays.stream(raw.split(",")).map(String::trim).toList();
    for (String uri : out) {
      if (!uri.matches("[a-z][a-z0-9+.-]*:\\S+")) {
        throw new IllegalArgumentException(
            "expected Camel endpoints such as direct:sink-file, comma-separated, got '"
                + uri
                + "'");
      }
    }
    return out;
  }

  private static boolean deleteRemoved(String raw) {
    return switch (raw.trim()) {
      case "error" -> false;
      case "delete" -> true;
      default -> throw new IllegalArgumentException("expected error or delete, got '" + raw + "'");
    };
  }

  /** Typed look-ups that name the key in every error. */
  record Reader(Function<String, String> props) {
    String text(String key, String fallback) {
      String v = props.apply(key);
      return v == null ? fallback : v.trim();
    }

    <T> T parse(String key, String fallback, Function<String, T> parser) {
      String raw = text(key, fallback);
      try {
        return parser.apply(raw);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "config key " + key + "='" + raw + "': " + e.getMessage());
      }
    }

    boolean bool(String key, boolean fallback) {
      return parse(
          key,
          String.valueOf(fallback),
          raw ->
              switch (raw) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("expected true or false");
              });
    }

    long number(String key, long fallback, long min, long max) {
      return parse(
          key,
          String.valueOf(fallback),
          raw -> {
            long v;
            try {
              v = Long.parseLong(raw);
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("not a whole number");
            }
            if (v < min || v > max) {
              throw new IllegalArgumentException("must be within " + min + "-" + max);
            }
            return v;
          });
    }
  }
}
