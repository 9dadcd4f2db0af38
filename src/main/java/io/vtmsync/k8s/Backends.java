package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.vtmsync.pool.IpOrder;
import io.vtmsync.pool.MemberState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the backends of one Service port out of its EndpointSlices. Conditions map to states: ready
 * becomes active; serving but terminating becomes draining; anything else is left out. A nil
 * condition is read as the API documents it (ready and serving: unknown means ready).
 */
public final class Backends {

  private Backends() {}

  /**
   * @param ipv6 the Service's primary family (true IPv6, false IPv4), or null to accept both
   */
  public static List<Backend> of(List<EndpointSlice> slices, ServicePort port, Boolean ipv6) {
    Map<String, Backend> byAddress = new LinkedHashMap<>();
    for (EndpointSlice slice : slices) {
      if (!familyMatches(slice.getAddressType(), ipv6)) {
        continue;
      }
      Optional<Integer> target = slicePort(slice, port);
      if (target.isEmpty() || slice.getEndpoints() == null) {
        continue;
      }
      for (Endpoint ep : slice.getEndpoints()) {
        add(byAddress, ep, target.get());
      }
    }
    return new ArrayList<>(byAddress.values());
  }

  /** The state an endpoint's conditions call for, or null when it must be left out. */
  public static MemberState state(EndpointConditions c) {
    boolean ready = c == null || c.getReady() == null || c.getReady();
    boolean serving = c == null || c.getServing() == null ? ready : c.getServing();
    boolean terminating = c != null && Boolean.TRUE.equals(c.getTerminating());
    if (terminating) {
      return serving ? MemberState.DRAINING : null;
    }
    return ready ? MemberState.ACTIVE : null;
  }

  private static void add(Map<String, Backend> byAddress, Endpoint ep, int port) {
    MemberState state = state(ep.getConditions());
    if (state == null || ep.getAddresses() == null) {
      return;
    }
    String pod =
        ep.getTargetRef() != null && "Pod".equals(ep.getTargetRef().getKind())
            ? ep.getTargetRef().getName()
            : null;
    for (String ip : ep.getAddresses()) {
      if (!IpOrder.isLiteral(ip)) {
        continue;
      }
      Backend b = new Backend(ip, port, ep.getNodeName(), pod, state);
      // The same address can sit in two slices while the controller moves it: keep the stronger.
      byAddress.merge(
          ip + "#" + port,
          b,
          (old, neu) -> MemberState.strongest(old.state(), neu.state()) == old.state() ? old : neu);
    }
  }

  private static boolean familyMatches(String addressType, Boolean ipv6) {
    if ("IPv4".equals(addressType)) {
      return ipv6 == null || !ipv6;
    }
    if ("IPv6".equals(addressType)) {
      return ipv6 == null || ipv6;
    }
    return false; // FQDN slices name hosts, not IPs: vTM members must be IPs here.
  }

  private static Optional<Integer> slicePort(EndpointSlice slice, ServicePort port) {
    if (slice.getPorts() == null) {
      return Optional.empty();
    }
    String name = Objects.toString(port.getName(), "");
    String protocol = Objects.toString(port.getProtocol(), "TCP");
    return slice.getPorts().stream()
        .filter(p -> name.equals(Objects.toString(p.getName(), "")))
        .filter(p -> protocol.equals(Objects.toString(p.getProtocol(), "TCP")))
        .map(EndpointPort::getPort)
        .filter(Objects::nonNull)
        .filter(p -> p >= 1 && p <= 65535) // the API refuses others; a Member could not hold them
        .findFirst();
  }
}
