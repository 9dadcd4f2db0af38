package io.vtmsync.bench;

/**
 * One part of the benchmark run (JMH micro-benchmarks, end-to-end propagation, scale ...): it
 * measures and returns its section of BENCHMARKS.md as Markdown.
 */
public interface BenchPart {

  /** The part's name: the argument of bench/run.sh and the name of its BENCHMARKS.md markers. */
  String name();

  /**
   * Runs the part and returns its section (without the markers).
   *
   * @param quick true for a fast check with fewer and shorter iterations
   */
  String run(boolean quick) throws Exception;
}
