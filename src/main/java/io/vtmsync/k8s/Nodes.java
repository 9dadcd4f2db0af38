package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import java.util.List;
import java.util.Map;

/** Readiness and eligibility facts about a node. */
public final class Nodes {

  private Nodes() {}

  /** True when the node's {@code Ready} condition is {@code True}; no condition means not ready. */
  public static boolean ready(Node node) {
    List<NodeCondition> conditions =
        node.getStatus() == null ? null : node.getStatus().getConditions();
    if (conditions == null) {
      return false;
    }
    return conditions.stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  public static boolean schedulable(Node node) {
    return node.getSpec() == null || !Boolean.TRUE.equals(node.getSpec().getUnschedulable());
  }

  public static boolean excludedFromLoadBalancers(Node node) {
    return labels(node).containsKey(KubeNames.EXCLUDE_LB_LABEL);
  }

  public static Map<String, String> labels(Node node) {
    Map<String, String> labels = node.getMetadata().getLabels();
    return labels == null ? Map.of() : labels;
  }
}
