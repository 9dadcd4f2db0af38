package io.vtmsync.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code k8s/monitoring/}: the Grafana dashboard, the PrometheusRule and their PromQL. */
public final class Monitoring {

  public static final Path DIR = Path.of("k8s", "monitoring");

  // The app's own series and the families Camel and Micrometer add; PromQL functions, labels and
  // keywords never start with these.
  private static final Pattern METRIC =
      Pattern.compile("\\b(?:vtmsync|camel|jvm|process|system|executor)_[a-zA-Z0-9_]+\\b");

  private Monitoring() {}

  public static JsonNode dashboard() {
    return read("grafana-dashboard.json");
  }

  public static JsonNode rule() {
    return read("prometheusrule.yaml");
  }

  public static JsonNode read(String file) {
    try {
      String text = Files.readString(DIR.resolve(file));
      // JSON strictly as JSON: YAML would accept what Grafana refuses.
      return file.endsWith(".json")
          ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(text)
          : new YAMLMapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every PromQL expression of the dashboard's panels and of the alert rules. */
  public static List<String> expressions() {
    List<String> out = new ArrayList<>();
    for (JsonNode panel : dashboard().path("panels")) {
      panel.path("targets").forEach(t -> out.add(t.path("expr").asText()));
    }
    for (JsonNode group : rule().at("/spec/groups")) {
      group.path("rules").forEach(r -> out.add(r.path("expr").asText()));
    }
    return out;
  }

  /** The metric names those expressions use. */
  public static Set<String> metricNames() {
    Set<String> out = new TreeSet<>();
    for (String expr : expressions()) {
      Matcher m = METRIC.matcher(expr);
      while (m.find()) {
        out.add(m.group());
      }
    }
    return out;
  }
}
