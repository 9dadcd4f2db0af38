package io.vtmsync.vtm;

/** Told about every request a {@link VtmLane} makes: for request counts and latency metrics. */
@FunctionalInterface
public interface RequestObserver {

  /**
   * @param status the HTTP status (also of an answer abandoned for its size), or -1 when no answer
   *     came (connection failure, timeout)
   */
  void observed(String cluster, String method, int status, long nanos);

  RequestObserver NONE = (cluster, method, status, nanos) -> {};
}
