package io.vtmsync.pool;

import io.fabric8.kubernetes.api.model.Node;
import io.vtmsync.k8s.LabelSelector;
import io.vtmsync.k8s.Nodes;
import java.util.Collection;

/**
 * Which nodes may carry pool members. NotReady nodes are left out, except when more than a set
 * share of all nodes is NotReady at once: that looks like a control-plane blip rather than a fleet
 * outage, so NotReady is ignored and the members are kept (the "a blip is not an outage" rule).
 */
public final class NodeEligibility {

  private final boolean suspectControlPlane;

  private NodeEligibility(boolean suspectControlPlane) {
    this.suspectControlPlane = suspectControlPlane;
  }

  /**
   * @param guardPercent NotReady share (in percent, exclusive) above which readiness is distrusted;
   *     100 turns the guard off
   */
  public static NodeEligibility assess(Collection<Node> nodes, int guardPercent) {
    long notReady = nodes.stream().filter(n -> !Nodes.ready(n)).count();
    boolean suspect = !nodes.isEmpty() && notReady * 100 > (long) guardPercent * nodes.size();
    return new NodeEligibility(suspect && guardPercent < 100);
  }

  public boolean suspectControlPlane() {
    return suspectControlPlane;
  }

  /** May this node carry members for pods that run on it (Local policy, pod-hosted ports)? */
  public boolean usable(Node node, LabelSelector selector) {
    return (suspectControlPlane || Nodes.ready(node)) && selector.matches(Nodes.labels(node));
  }

  /** May this node carry members for a Cluster-policy NodePort (any node forwards)? */
  public boolean forwards(Node node, LabelSelector selector) {
    return usable(node, selector)
        && Nodes.schedulable(node)
        && !Nodes.excludedFromLoadBalancers(node);
  }
}
