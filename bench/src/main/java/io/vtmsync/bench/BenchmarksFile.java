package io.vtmsync.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replaces one named section of BENCHMARKS.md, the text between {@code <!-- name:start -->} and
 * {@code <!-- name:end -->}, and leaves everything else in the file as it is.
 */
public final class BenchmarksFile {

  static final String HEADER =
      """
      # Benchmarks

      Figures measured on a real run of `bench/run.sh` (see the README, section Benchmarks). Each
      section below is written by `bench/run.sh` between its `<!-- name:start -->` and
      `<!-- name:end -->` markers: keep the markers, and write any commentary outside them, since
      the next run replaces what lies between.
      """;

  private final Path file;

  public BenchmarksFile(Path file) {
    this.file = file;
  }

  /** Writes {@code markdown} as section {@code name}; appends the section when it is new. */
  public void replaceSection(String name, String markdown) throws IOException {
    String start = "<!-- " + name + ":start -->";
    String end = "<!-- " + name + ":end -->";
    String text = Files.exists(file) ? Files.readString(file) : HEADER;
    String section = start + "\n" + markdown.strip() + "\n" + end;
    int from = text.indexOf(start);
    int to = text.indexOf(end);
    if (from >= 0 && to > from) {
      text = text.substring(0, from) + section + text.substring(to + end.length());
    } else if (from >= 0 || to >= 0) {
      throw new IOException(file + ": markers of section '" + name + "' are broken; fix them");
    } else {
      text = text.stripTrailing() + "\n\n" + section + "\n";
    }
    write(text);
  }

  private void write(String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".benchmarks", ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
