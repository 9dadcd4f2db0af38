package io.vtmsync.bench;

import io.vtmsync.demo.ClusterScript;
import io.vtmsync.demo.ClusterScript.FakePod;
import io.vtmsync.demo.ClusterScript.PodState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random but sane cluster churn for the soak: every Service keeps at least two ready pods on
 * distinct nodes and at most one node is NotReady at a time, so no plan is ever empty (an empty
 * plan is held on purpose and would not equal a fresh plan).
 */
final class Churn {

  private final ClusterScript cluster;
  private final int services;
  private final Random random;
  private final List<String> nodes = new ArrayList<>();
  private String notReady;

  Churn(ClusterScript cluster, int services, Random random) {
    this.cluster = cluster;
    this.services = services;
    this.random = random;
  }

  static String service(int i) {
    return String.format("svc-%03d", i);
  }

  void setUp() {
    nodes.addAll(cluster.nodes().keySet());
    for (int i = 0; i < services; i++) {
      cluster.createService(
          ClusterScript.nodePortService(service(i), "Local", java.util.Map.of()),
          ClusterScript.HTTP);
      cluster.scale("default", service(i), 3);
    }
  }

  void step() {
    String svc = service(random.nextInt(services));
    int roll = random.nextInt(100);
    if (roll < 70) {
      flipReadiness(svc);
    } else if (roll < 85) {
      cluster.scale("default", svc, 2 + random.nextInt(4));
      keepTwoReady(svc);
    } else if (roll < 95) {
      cluster.finishTerminating("default", svc);
    } else {
      flipNode();
    }
  }

  private void flipReadiness(String svc) {
    List<FakePod> pods = cluster.pods("default", svc);
    FakePod p = pods.get(random.nextInt(pods.size()));
    long ready = pods.stream().filter(x -> x.state() == PodState.READY).count();
    if (p.state() == PodState.READY && ready > 2) {
      cluster.setState("default", svc, p.name(), PodState.NOT_READY);
    } else if (p.state() == PodState.NOT_READY) {
      cluster.setState("default", svc, p.name(), PodState.READY);
    }
  }

  /** Scaling down terminates the newest pods, ready or not: bring ready ones back to two. */
  private void keepTwoReady(String svc) {
    List<FakePod> pods = cluster.pods("default", svc);
    long ready = pods.stream().filter(x -> x.state() == PodState.READY).count();
    for (FakePod p : pods) {
      if (ready >= 2) {
        return;
      }
      if (p.state() == PodState.NOT_READY) {
        cluster.setState("default", svc, p.name(), PodState.READY);
        ready++;
      }
    }
  }

  private void flipNode() {
    if (notReady != null) {
      cluster.setNodeReady(notReady, true);
      notReady = null;
    } else {
      notReady = nodes.get(random.nextInt(nodes.size()));
      cluster.setNodeReady(notReady, false);
    }
  }
}
