package io.vtmsync.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The JSON templates of {@link ProductionObjects} ({@code demo/production/}): load, fill, render.
 */
final class Templates {

  private static final ObjectMapper JSON = Serialization.jsonMapper();

  private Templates() {}

  /** The pod template, its placeholders kept, with the managedFields its fields call for. */
  static String preparedPod(boolean hostPort, int hostPortMark) {
    String text =
        template("pod.json")
            .replace("{{hostPort}}", hostPort ? ", \"hostPort\": " + hostPortMark : "");
    ObjectNode p = render(text, Map.of());
    ManagedFields.add(
        p,
        "kube-controller-manager",
        null,
        "metadata.generateName",
        "metadata.labels",
        "metadata.annotations",
        "metadata.ownerReferences",
        "spec");
    ManagedFields.add(p, "kubelet", "status", "status");
    return write(p);
  }

  static ObjectNode render(String template, Map<String, String> values) {
    try {
      return (ObjectNode) JSON.readTree(fill(template, values, Map.of()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a production template does not render to JSON", e);
    }
  }

  static String fill(String template, Map<String, String> a, Map<String, String> b) {
    String out = template;
    for (Map<String, String> values : List.of(a, b)) {
      for (Map.Entry<String, String> e : values.entrySet()) {
        out = out.replace("{{" + e.getKey() + "}}", e.getValue());
      }
    }
    return out;
  }

  static String write(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String template(String name) {
    try (InputStream in = ProductionObjects.class.getResourceAsStream("/demo/production/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
