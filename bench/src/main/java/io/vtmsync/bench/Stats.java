package io.vtmsync.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of a latency sample, as a Markdown table row. */
final class Stats {

  private Stats() {}

  static long percentile(List<Long> sorted, double p) {
    int i = (int) Math.ceil(sorted.size() * p) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  static String row(String setting, int n, String target, List<Long> millis) {
    List<Long> s = new ArrayList<>(millis);
    Collections.sort(s);
    return "| %s | %d | %s | %d ms | %d ms | %d ms | %d ms |%n"
        .formatted(
            setting,
            n,
            target,
            percentile(s, 0.5),
            percentile(s, 0.95),
            percentile(s, 0.99),
            s.get(s.size() - 1));
  }
}
