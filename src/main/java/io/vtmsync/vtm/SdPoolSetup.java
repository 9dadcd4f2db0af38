package io.vtmsync.vtm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The vTM side of Service Discovery over REST: the plugin script uploaded to {@code
 * servicediscovery/}, and a pool whose {@code service_discovery} section runs it on the pool's
 * extra file ({@code extra_files/<pool>.json}). Needs API 5.2 (vTM 18.1) or later (facts file
 * section 8).
 */
final class SdPoolSetup {

  static final String PLUGIN = "vtm-k8s-sync-sd";
  static final String HEARTBEAT = "vtm-k8s-sync.heartbeat";
  static final ApiVersion MINIMUM = ApiVersion.parse("5.2");
  private static final ObjectMapper JSON = Json.MAPPER;

  private SdPoolSetup() {}

  static byte[] pluginScript() {
    try (InputStream in = SdPoolSetup.class.getResourceAsStream("/plugin/vtm-k8s-sync-sd.sh")) {
      if (in == null) {
        throw new IllegalStateException("plugin/vtm-k8s-sync-sd.sh is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pool's service_discovery section: our plugin, reading the pool's extra file. */
  static ObjectNode section(String pool, int intervalSeconds) {
    ObjectNode sd = JSON.createObjectNode();
    sd.put("enabled", true);
    sd.put("plugin", PLUGIN);
    sd.put("plugin_args", "--pool=" + pool + " --heartbeat=" + HEARTBEAT);
    sd.put("interval", intervalSeconds);
    return sd;
  }

  /** True when the pool's section already says what {@link #section} says. */
  static boolean matches(JsonNode pool, ObjectNode wanted) {
    JsonNode have = pool.path("properties").path("service_discovery");
    for (var it = wanted.fields(); it.hasNext(); ) {
      var e = it.next();
      if (!e.getValue().equals(have.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** A PUT body carrying the section, and the managed note when the pool is new. */
  static ObjectNode body(ObjectNode section, String noteOrNull) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode props = root.putObject("properties");
    if (noteOrNull != null) {
      props.putObject("basic").put("note", noteOrNull);
    }
    props.set("service_discovery", section);
    return root;
  }
}
