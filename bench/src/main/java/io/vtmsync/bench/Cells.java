package io.vtmsync.bench;

import java.util.function.Function;

/** Table cells of the BENCHMARKS.md sections: a dash where a stage did not run. */
final class Cells {

  private Cells() {}

  static String below(Long kb, int mb) {
    return "< %d MB%s".formatted(mb, kb == null ? "" : kb < mb * 1024L ? ": met" : ": MISSED");
  }

  static String or(Long v, Function<Long, String> format) {
    return v == null ? "-" : format.apply(v);
  }

  static String zero(Long v) {
    return v == null ? "0" : "0: " + (v == 0 ? "met" : "MISSED");
  }

  static String sec(Long ms) {
    return or(ms, n -> "%.1f s".formatted(n / 1000.0));
  }

  static String mb(Long kb) {
    return or(kb, n -> "%d MB".formatted(Math.round(n / 1024.0)));
  }

  static String mbBytes(long bytes) {
    return bytes >= 10L << 20
        ? "%,d MB".formatted(Math.round(bytes / 1048576.0))
        : "%.1f MB".formatted(bytes / 1048576.0);
  }

  static String num(Long n) {
    return or(n, v -> "%,d".formatted(v));
  }

  static String yes(Boolean b) {
    return b == null ? "-" : b ? "yes" : "NO";
  }
}
