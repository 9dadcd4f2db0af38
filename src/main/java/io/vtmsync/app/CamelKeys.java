package io.vtmsync.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.PropertyBindingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks {@code camel.*} keys against what Camel Main binds. Camel refuses an unknown option inside
 * a group it knows ({@code camel.main.autoConfigurationFailFast}, on by default) but ignores a
 * group it does not know, so {@code camel.managment.port} would pass silently without this.
 */
final class CamelKeys {

  private static final Logger LOG = LoggerFactory.getLogger(CamelKeys.class);

  /** Camel Main's own option catalog, shipped in camel-main; its groups are what it binds. */
  private static final String CATALOG = "META-INF/camel-main-configuration-metadata.json";

  /** Groups Camel Main 4.18 (BaseMainSupport) binds that its catalog does not list. */
  private static final Set<String> UNCATALOGUED =
      Set.of(
          "component",
          "dataformat",
          "language",
          "context",
          "beans",
          "variable",
          "routetemplate",
          "globaloptions",
          "devconsole",
          "vault");

  private CamelKeys() {}

  /** Throws, naming the key, for a {@code camel.*} key in a group Camel Main does not bind. */
  static void check(Collection<String> keys) {
    Set<String> groups = groups();
    if (groups.isEmpty()) {
      return;
    }
    for (String key : keys) {
      String[] parts = key.split("\\.", 3);
      if (parts.length < 2 || !parts[0].equalsIgnoreCase("camel")) {
        continue;
      }
      String group = normal(parts[1]);
      if (!groups.contains(group)) {
        throw new IllegalArgumentException(
            "unknown config key '"
                + key
                + "': Camel Main binds no camel."
                + parts[1]
                + ".* options and would ignore it"
                + suggestion(group, groups));
      }
    }
  }

  /** One line for Camel's own refusal of a key, without the value (it may be a secret). */
  static String describe(PropertyBindingException e) {
    String prefix = e.getOptionPrefix() == null ? "" : e.getOptionPrefix();
    String name = e.getOptionKey() != null ? e.getOptionKey() : e.getPropertyName();
    String key = prefix.isEmpty() || prefix.endsWith(".") ? prefix + name : prefix + "." + name;
    return "config key '"
        + key
        + "': Camel Main cannot bind it ("
        + (e.getCause() == null
            ? "no such option"
            : "a value of the wrong type: " + e.getCause().getClass().getSimpleName())
        + "; camel.main.autoConfigurationFailFast)";
  }

  private static Set<String> groups() {
    Set<String> out = new TreeSet<>(UNCATALOGUED);
    try (InputStream in = CamelKeys.class.getClassLoader().getResourceAsStream(CATALOG)) {
      if (in == null) {
        throw new IOException(CATALOG + " not on the class path");
      }
      for (JsonNode g : io.vtmsync.vtm.Json.MAPPER.readTree(in).path("groups")) {
        String[] parts = g.path("name").asText().split("\\.");
        if (parts.length > 1) {
          out.add(normal(parts[1]));
        }
      }
    } catch (IOException e) {
      LOG.warn("camel.* keys are not checked: cannot read Camel Main's catalog ({})", e.toString());
      return Set.of();
    }
    return out;
  }

  /**
   * Camel's relaxed binding: case and dashes do not matter (route-controller = routeController).
   */
  private static String normal(String group) {
    return group.replace("-", "").toLowerCase(Locale.ROOT);
  }

  private static String suggestion(String group, Set<String> groups) {
    return groups.stream()
        .filter(g -> distance(g, group) <= 2)
        .findFirst()
        .map(g -> " (did you mean camel." + g + "?)")
        .orElse("");
  }

  /** Levenshtein distance, for typos such as managment or compnent. */
  private static int distance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      row[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int above = row[j];
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + cost);
        diagonal = above;
      }
    }
    return row[b.length()];
  }
}
