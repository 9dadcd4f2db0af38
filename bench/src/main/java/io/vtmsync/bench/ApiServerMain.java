package io.vtmsync.bench;

import io.vtmsync.demo.EmbeddedKubernetes;

/**
 * The embedded API server as a process of its own, for the production part: it stores every object
 * as JSON, 20,000 real Pods are about 300 MB of it, and the benchmark runner has a 256 MB heap. It
 * prints its URL and serves until its standard input closes (the runner ends or dies).
 */
public final class ApiServerMain {

  private ApiServerMain() {}

  public static void main(String[] args) throws Exception {
    try (EmbeddedKubernetes kube = new EmbeddedKubernetes()) {
      System.out.println(ApiServerProcess.READY + kube.url());
      System.out.flush();
      while (System.in.read() != -1) {
        // nothing to read: wait for the end of input
      }
    }
  }
}
