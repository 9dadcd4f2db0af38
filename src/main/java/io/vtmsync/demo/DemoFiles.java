package io.vtmsync.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Prepares the demo's output folder: it only ever deletes the pool files the demo writes. */
final class DemoFiles {

  private DemoFiles() {}

  static void clean(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String n = f.getFileName().toString();
        if (n.endsWith(".json") || n.startsWith(".vtm-k8s-sync")) {
          Files.delete(f);
        }
      }
    }
  }
}
