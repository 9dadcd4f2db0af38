package io.vtmsync.demo;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The demo's cluster (three nodes, the sample my-nginx Service and its pods) on the embedded API
 * server, kept up until the process is stopped: something for {@code render} to read when its
 * start-up is timed as a whole process. {@code java -cp <test class path>
 * io.vtmsync.demo.DemoApiServer [PORT]} prints the API URL on stdout.
 */
public final class DemoApiServer {

  private DemoApiServer() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    EmbeddedKubernetes kube = new EmbeddedKubernetes(port);
    try (KubernetesClient client = kube.client()) {
      ClusterScript cluster = ArchiveTraining.demoNodes(client);
      cluster.scale(Demo.NS, Demo.SVC, Demo.seed(client, cluster));
    }
    System.out.println(kube.url());
    System.out.flush();
    Thread.currentThread().join(); // serve until killed
  }
}
