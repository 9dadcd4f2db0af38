package io.vtmsync.app;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The scenario folders under {@code src/test/resources/scenarios}: Kubernetes objects in ({@code
 * cluster.yaml}), render flags ({@code args}), the exact plugin JSON out ({@code expected.json}).
 */
record Scenarios(
    String name, List<HasMetadata> objects, Map<String, String> flags, String expected) {

  static final Path ROOT = Path.of("src/test/resources/scenarios");

  static Stream<Scenarios> all() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.sorted().map(Scenarios::load).toList().stream();
    }
  }

  static Scenarios load(Path dir) {
    try {
      Path cluster = dir.resolve("cluster.yaml");
      List<HasMetadata> objects = new ArrayList<>();
      if (Files.exists(cluster)) {
        for (String doc : Files.readString(cluster).split("(?m)^---\\s*$")) {
          if (!doc.isBlank()) {
            objects.add(Serialization.unmarshal(doc));
          }
        }
      }
      String args = Files.readString(dir.resolve("args")).trim();
      Map<String, String> flags = CommandLine.flags(Arrays.asList(args.split("\\s+")));
      String expected = Files.readString(dir.resolve("expected.json")).trim();
      return new Scenarios(dir.getFileName().toString(), objects, flags, expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
