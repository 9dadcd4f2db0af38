package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the files in {@code k8s/} and the pom the way kubectl and Maven would, for the tests. */
final class Manifests {

  static final Path DIR = Path.of("k8s");
  static final String KUSTOMIZATION = "kustomization.yaml";
  static final String SECRET_EXAMPLE = "secret.example.yaml";

  private Manifests() {}

  static String text(String file) {
    try {
      return Files.readString(DIR.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Kubernetes object in a one-resource file, typed by its kind (as fabric8 maps kinds). */
  static HasMetadata object(String file) {
    return Serialization.unmarshal(text(file), HasMetadata.class);
  }

  static <T extends HasMetadata> T object(String file, Class<T> type) {
    HasMetadata o = object(file);
    if (!type.isInstance(o)) {
      throw new AssertionError(file + " holds a " + o.getClass().getName() + ", not " + type);
    }
    return type.cast(o);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> kustomization() {
    return Serialization.unmarshal(text(KUSTOMIZATION), Map.class);
  }

  @SuppressWarnings("unchecked")
  static List<String> kustomizationResources() {
    return (List<String>) kustomization().get("resources");
  }

  /** Every *.yaml in k8s/, by file name. */
  static List<String> yamlFiles() {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Properties properties(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  static Properties properties(Path file) {
    try {
      return properties(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A property of pom.xml's {@code <properties>}, read as text (the pom is flat and simple). */
  static String pomProperty(String name) {
    try {
      String pom = Files.readString(Path.of("pom.xml"));
      Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
      if (!m.find()) {
        throw new AssertionError("pom.xml has no <" + name + "> property");
      }
      return m.group(1).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
