package io.vtmsync.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code --key=value} (and {@code --key value}) arguments. */
final class CommandLine {

  private CommandLine() {}

  static Map<String, String> flags(List<String> args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("--") || a.length() < 3) {
        throw new IllegalArgumentException(
            "unexpected argument '" + a + "'; options look like --key=value");
      }
      int eq = a.indexOf('=');
      if (eq > 0) {
        out.put(a.substring(2, eq), a.substring(eq + 1));
      } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
        out.put(a.substring(2), args.get(++i));
      } else {
        out.put(a.substring(2), "true");
      }
    }
    return out;
  }

  /** {@code --config}, {@code --routes}, {@code --dry-run}; every other flag is a setting. */
  static App.Options appOptions(List<String> args) {
    Map<String, String> flags = flags(args);
    String config = flags.remove("config");
    String routes = flags.remove("routes");
    String dryRun = flags.remove("dry-run");
    if (dryRun != null) {
      flags.put("sync.dry-run", dryRun);
    }
    return new App.Options(config, routes, flags);
  }
}
