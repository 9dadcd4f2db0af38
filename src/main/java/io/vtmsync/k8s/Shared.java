package io.vtmsync.k8s;

import java.util.HashMap;
import java.util.Map;

/**
 * One copy of each string that recurs on thousands of cached objects: every Pod of a namespace
 * repeats its namespace, its node's name and IP, and the same label keys and many label values.
 */
final class Shared {

  private Shared() {}

  /** The JVM's string table holds the shared copy only while something refers to it. */
  static String of(String s) {
    return s == null ? null : s.intern();
  }

  /** A label map as a compact immutable map of shared strings (its order matters to no reader). */
  static Map<String, String> of(Map<String, String> labels) {
    if (labels == null || labels.containsKey(null) || labels.containsValue(null)) {
      return labels;
    }
    Map<String, String> out = new HashMap<>();
    labels.forEach((k, v) -> out.put(k.intern(), v.intern()));
    return Map.copyOf(out);
  }
}
