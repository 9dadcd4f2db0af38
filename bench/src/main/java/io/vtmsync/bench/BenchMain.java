package io.vtmsync.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the registered benchmark parts (all, or those named as arguments) and writes each one's
 * section into BENCHMARKS.md; {@code --quick} writes to target/bench/BENCHMARKS-quick.md instead,
 * so that a fast check never replaces the committed figures.
 */
public final class BenchMain {

  /** Every part, in run order; a new part (end-to-end, scale) is one more entry here. */
  static final List<BenchPart> PARTS =
      List.of(
          new JmhPart(),
          new PropagationPart(),
          new BurstPart(),
          new ScalePart(),
          new LanePart(),
          new ProductionPart(),
          new StartupPart(),
          new SoakPart(),
          new PluginPart(),
          new SourcesPart());

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    boolean quick = false;
    List<BenchPart> selected = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--quick")) {
        quick = true;
      } else {
        BenchPart part = PARTS.stream().filter(p -> p.name().equals(arg)).findFirst().orElse(null);
        if (part == null) {
          System.err.println("usage: bench/run.sh [--quick] [PART ...]; parts: " + names());
          System.exit(2);
        }
        selected.add(part);
      }
    }
    if (selected.isEmpty()) {
      selected = PARTS;
    }
    Path out = Path.of(quick ? "target/bench/BENCHMARKS-quick.md" : "BENCHMARKS.md");
    BenchmarksFile file = new BenchmarksFile(out);
    for (BenchPart part : selected) {
      long start = System.nanoTime();
      String markdown = part.run(quick);
      file.replaceSection(part.name(), markdown);
      Duration took = Duration.ofNanos(System.nanoTime() - start).withNanos(0);
      System.out.printf("bench: part %s took %s, written to %s%n", part.name(), took, out);
    }
  }

  private static List<String> names() {
    return PARTS.stream().map(BenchPart::name).toList();
  }
}
