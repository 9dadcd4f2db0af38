package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.vtmsync.pool.IpOrder;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the IP vTM uses for a node. Rule (documented in the README): the first address of the
 * chosen type (InternalIP by default) in the Service's primary IP family; failing that, the other
 * type (InternalIP and ExternalIP fall back to each other); failing that, any family. A node with
 * neither type has no usable address and is left out.
 */
public final class NodeAddresses {

  private NodeAddresses() {}

  /**
   * @param ipv6 true when the Service's primary family is IPv6, false for IPv4, null when unknown
   */
  public static Optional<String> pick(Node node, AddressType type, Boolean ipv6) {
    List<NodeAddress> addresses =
        node.getStatus() == null || node.getStatus().getAddresses() == null
            ? List.of()
            : node.getStatus().getAddresses();
    for (Boolean family : ipv6 == null ? new Boolean[] {null} : new Boolean[] {ipv6, null}) {
      for (AddressType t : new AddressType[] {type, type.other()}) {
        Optional<String> hit = first(addresses, t, family);
        if (hit.isPresent()) {
          return hit;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> first(List<NodeAddress> addresses, AddressType t, Boolean ipv6) {
    return addresses.stream()
        .filter(a -> t.kubeName().equals(a.getType()))
        .map(NodeAddress::getAddress)
        .filter(IpOrder::isLiteral)
        .filter(ip -> ipv6 == null || ipv6 == ip.contains(":"))
        .findFirst();
  }
}
