package io.vtmsync.sim;

/**
 * An abusive answer body the simulator can send instead of the real one, as a broken vTM or a
 * misbehaving proxy in front of it might; each one ends by itself (see {@link FaultyBody}).
 */
public enum BodyFault {
  /** Status 200 and 20 MiB of JSON-like bytes, announced by Content-Length. */
  OVERSIZED,
  /**
   * Status 200, chunked, no length: written as fast as the client reads until it goes away, at most
   * 2 GiB or 60 s.
   */
  ENDLESS,
  /** Status 200, chunked, no length: 16 bytes every 100 ms, at most 60 s, then a proper end. */
  TRICKLE
}
