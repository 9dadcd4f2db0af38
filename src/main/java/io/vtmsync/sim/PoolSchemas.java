package io.vtmsync.sim;

import static io.vtmsync.sim.KeySpec.UINT_MAX;

import io.vtmsync.sim.KeySpec.Keys;
import io.vtmsync.sim.KeySpec.Kind;
import java.util.LinkedHashMap;
import java.util.Map;

/** Defines the pool sections and keys per API version (facts file sections 6, 7 and 8). */
final class PoolSchemas {
  private static final String[] ALGORITHMS = {
    "round_robin",
    "weighted_round_robin",
    "weighted_least_connections",
    "least_connections",
    "fastest_response_time",
    "perceptive",
    "random"
  };

  private PoolSchemas() {}

  static Map<String, Map<String, KeySpec>> sections(ApiVersion version) {
    Map<String, Map<String, KeySpec>> s = new LinkedHashMap<>();
    if (version.isLegacy()) {
      s.put("basic", legacyBasic());
    } else {
      s.put("basic", modernBasic(version));
      s.put("auto_scaling", autoScaling());
      s.put("dns_autoscale", dnsAutoscale());
    }
    s.put("connection", connection());
    s.put(
        "http", new Keys().bool("keepalive", true).bool("keepalive_non_idempotent", false).build());
    s.put("load_balancing", loadBalancing(version));
    s.put(
        "node",
        new Keys().bool("close_on_death", false).num("retry_fail_time", 60, 0, UINT_MAX).build());
    if (version.hasServiceDiscovery()) {
      s.put("service_discovery", serviceDiscovery());
    }
    s.put("tcp", new Keys().bool("nagle", true).build());
    s.put("udp", udp());
    return s;
  }

  private static Keys commonBasic() {
    return new Keys()
        .str("note", "")
        .list("monitors", Kind.STRING_LIST)
        .str("persistence_class", "")
        .str("failure_pool", "")
        .bool("passive_monitoring", true)
        .num("node_connection_attempts", 3, 1, 100)
        .num("max_connection_attempts", 0, 0, UINT_MAX)
        .bool("transparent", false);
  }

  private static Map<String, KeySpec> modernBasic(ApiVersion version) {
    Keys row =
        new Keys()
            .put("node", KeySpec.of(Kind.NODE, null))
            .put("state", KeySpec.choice("active", "active", "draining", "disabled"))
            // Section 6: rows read back may omit weight/priority, so they get no filled default.
            .put("weight", KeySpec.integer(null, 1, 100))
            .put("priority", KeySpec.integer(null, 0, UINT_MAX));
    if (version.hasSourceIp()) {
      row.str("source_ip", null);
    }
    return new Keys()
        .put("nodes_table", KeySpec.table(row.build()))
        .putAll(commonBasic())
        .put("node_delete_behavior", KeySpec.choice("immediate", "immediate", "drain"))
        .num("node_drain_to_delete_timeout", 0, 0, 99999)
        .bool("node_close_with_rst", false)
        .build();
  }

  private static Map<String, KeySpec> legacyBasic() {
    return new Keys()
        .list("nodes", Kind.NODE_LIST)
        .list("draining", Kind.NODE_LIST)
        .list("disabled", Kind.NODE_LIST)
        .putAll(commonBasic())
        .build();
  }

  private static Map<String, KeySpec> loadBalancing(ApiVersion version) {
    Keys keys =
        new Keys()
            .put("algorithm", KeySpec.choice("round_robin", ALGORITHMS))
            .bool("priority_enabled", false)
            .num("priority_nodes", 1, 1, 65535);
    if (version.isLegacy()) {
      Keys row =
          new Keys()
              .put("node", KeySpec.of(Kind.NODE, null))
              .put("weight", KeySpec.integer(null, 1, 100));
      keys.put("node_weighting", KeySpec.table(row.build()));
      keys.list("priority_values", Kind.PRIORITY_LIST);
    }
    return keys.build();
  }

  private static Map<String, KeySpec> autoScaling() {
    return new Keys()
        .bool("enabled", false)
        .str("cloud_credentials", "")
        .num("min_nodes", 1, 0, UINT_MAX)
        .num("max_nodes", 4, 0, UINT_MAX)
        .num("port", 80, 1, 65535)
        .build();
  }

  private static Map<String, KeySpec> dnsAutoscale() {
    return new Keys()
        .bool("enabled", false)
        .list("hostnames", Kind.STRING_LIST)
        .num("port", 80, 1, 65535)
        .build();
  }

  private static Map<String, KeySpec> connection() {
    return new Keys()
        .num("max_connect_time", 4, 0, UINT_MAX)
        .num("max_connections_per_node", 0, 0, UINT_MAX)
        .num("max_queue_size", 0, 0, UINT_MAX)
        .num("max_reply_time", 30, 0, UINT_MAX)
        .num("queue_timeout", 10, 0, UINT_MAX)
        .build();
  }

  private static Map<String, KeySpec> serviceDiscovery() {
    return new Keys()
        .bool("enabled", false)
        .str("plugin", "")
        .str("plugin_args", "")
        .num("interval", 10, 0, UINT_MAX)
        .num("timeout", 0, 0, UINT_MAX)
        .build();
  }

  private static Map<String, KeySpec> udp() {
    return new Keys()
        .put("accept_from", KeySpec.choice("dest_only", "dest_only", "dest_ip_only", "ip_mask"))
        .str("accept_from_mask", "")
        .num("response_timeout", 0, 0, UINT_MAX)
        .build();
  }
}
