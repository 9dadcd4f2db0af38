package io.vtmsync.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Thread-safe configuration state of one simulator: pool properties and file resources. Stored
 * ObjectNodes are never mutated after being stored; readers get deep copies.
 */
final class SimStore {
  /** Section 9: vTM ships these plugins in the servicediscovery collection; they are read-only. */
  static final Set<String> BUILT_IN_PLUGINS =
      Set.of("BuiltIn-DNS_Resolver", "BuiltIn-DNS_Stateless", "BuiltIn-GCE", "BuiltIn-PCS_PPS");

  /** Outcome of a pool PUT. */
  record PutResult(boolean created, ObjectNode properties) {}

  private final Map<String, ObjectNode> pools = new ConcurrentHashMap<>();
  private final Map<String, byte[]> extraFiles = new ConcurrentHashMap<>();
  private final Map<String, byte[]> plugins = new ConcurrentHashMap<>();

  SimStore() {
    for (String name : BUILT_IN_PLUGINS) {
      String script = "#!/usr/bin/env python3\n# vTM simulator stand-in for " + name + "\n";
      plugins.put(name, script.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Atomically replaces a pool with change(old) (old is null when absent). */
  PutResult updatePool(String name, UnaryOperator<ObjectNode> change) {
    boolean[] created = new boolean[1];
    ObjectNode result =
        pools.compute(
            name,
            (key, old) -> {
              created[0] = old == null;
              return change.apply(old);
            });
    return new PutResult(created[0], result.deepCopy());
  }

  void putPool(String name, ObjectNode properties) {
    pools.put(name, properties.deepCopy());
  }

  Optional<ObjectNode> pool(String name) {
    return Optional.ofNullable(pools.get(name)).map(ObjectNode::deepCopy);
  }

  boolean deletePool(String name) {
    return pools.remove(name) != null;
  }

  List<String> poolNames() {
    return pools.keySet().stream().sorted().toList();
  }

  Map<String, byte[]> extraFiles() {
    return extraFiles;
  }

  Map<String, byte[]> plugins() {
    return plugins;
  }
}
