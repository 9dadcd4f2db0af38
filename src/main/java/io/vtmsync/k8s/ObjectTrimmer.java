package io.vtmsync.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Cuts an object down to the fields the planner, {@link PoolKeys} and the renderers read, before an
 * informer caches it: no managedFields, node images, container specs, statuses or foreign
 * annotations. A real Pod shrinks from about 70 KB of heap to well under 1 KB. The object is
 * changed in place, so the informer's events carry the same trimmed object its cache holds, and a
 * before and after compare like with like. The fields kept per kind are listed in the README ("What
 * is cached"); {@code ObjectTrimmerTest} plans every scenario trimmed and untrimmed and compares.
 */
public final class ObjectTrimmer {

  private ObjectTrimmer() {}

  /** Name, namespace, uid (an Event's involvedObject), our annotations; the spec fields planned. */
  public static Service service(Service s) {
    ObjectMeta m = meta(s.getMetadata(), null, ours(s.getMetadata().getAnnotations()));
    m.setUid(s.getMetadata().getUid());
    s.setMetadata(m);
    ServiceSpec from = s.getSpec();
    if (from != null) {
      ServiceSpec spec = new ServiceSpec();
      spec.setType(from.getType());
      spec.setExternalTrafficPolicy(from.getExternalTrafficPolicy());
      spec.setIpFamilies(from.getIpFamilies());
      spec.setSelector(Shared.of(from.getSelector()));
      spec.setPorts(map(from.getPorts(), ObjectTrimmer::servicePort));
      s.setSpec(spec);
    }
    s.setStatus(null);
    return finish(s);
  }

  /** The Service label, address type, ports, and per endpoint: addresses, state, node, pod. */
  public static EndpointSlice endpointSlice(EndpointSlice e) {
    Map<String, String> labels = e.getMetadata().getLabels();
    String service = labels == null ? null : labels.get(KubeNames.SERVICE_NAME_LABEL);
    e.setMetadata(
        meta(
            e.getMetadata(),
            service == null ? null : Map.of(KubeNames.SERVICE_NAME_LABEL, service),
            null));
    e.setPorts(
        map(e.getPorts(), p -> new EndpointPort(null, p.getName(), p.getPort(), p.getProtocol())));
    e.setEndpoints(map(e.getEndpoints(), ObjectTrimmer::endpoint));
    return finish(e);
  }

  /** Labels (node selectors can name any), unschedulable, addresses and the Ready condition. */
  public static Node node(Node n) {
    n.setMetadata(meta(n.getMetadata(), Shared.of(n.getMetadata().getLabels()), null));
    NodeSpec spec = new NodeSpec();
    spec.setUnschedulable(n.getSpec() == null ? null : n.getSpec().getUnschedulable());
    n.setSpec(spec);
    NodeStatus from = n.getStatus();
    if (from != null) {
      NodeStatus status = new NodeStatus();
      status.setAddresses(
          map(from.getAddresses(), a -> new NodeAddress(a.getAddress(), a.getType())));
      status.setConditions(
          from.getConditions() == null
              ? null
              : from.getConditions().stream()
                  .filter(c -> "Ready".equals(c.getType()))
                  .map(ObjectTrimmer::condition)
                  .toList());
      n.setStatus(status);
    }
    return finish(n);
  }

  /** Labels (Service selectors), node name, host IP, and each container's ports (hostport). */
  public static Pod pod(Pod p) {
    p.setMetadata(meta(p.getMetadata(), Shared.of(p.getMetadata().getLabels()), null));
    PodSpec from = p.getSpec();
    if (from != null) {
      PodSpec spec = new PodSpec();
      spec.setNodeName(Shared.of(from.getNodeName()));
      spec.setContainers(map(from.getContainers(), ObjectTrimmer::container));
      p.setSpec(spec);
    }
    if (p.getStatus() != null) {
      PodStatus status = new PodStatus();
      status.setHostIP(Shared.of(p.getStatus().getHostIP()));
      p.setStatus(status);
    }
    return finish(p);
  }

  private static NodeCondition condition(NodeCondition c) {
    NodeCondition out = new NodeCondition();
    out.setType(c.getType());
    out.setStatus(c.getStatus());
    return out;
  }

  private static ServicePort servicePort(ServicePort p) {
    ServicePort out = new ServicePort();
    out.setName(p.getName());
    out.setPort(p.getPort());
    out.setNodePort(p.getNodePort());
    out.setProtocol(p.getProtocol());
    out.setTargetPort(p.getTargetPort());
    return out;
  }

  private static Endpoint endpoint(Endpoint e) {
    Endpoint out = new Endpoint();
    out.setAddresses(e.getAddresses() == null ? null : List.copyOf(e.getAddresses()));
    out.setNodeName(Shared.of(e.getNodeName()));
    EndpointConditions c = e.getConditions();
    out.setConditions(
        c == null
            ? null
            : new EndpointConditions(c.getReady(), c.getServing(), c.getTerminating()));
    ObjectReference ref = e.getTargetRef();
    if (ref != null) {
      ObjectReference r = new ObjectReference();
      r.setKind(Shared.of(ref.getKind()));
      r.setName(ref.getName());
      out.setTargetRef(r);
    }
    return out;
  }

  private static Container container(Container c) {
    Container out = new Container();
    out.setName(Shared.of(c.getName()));
    out.setPorts(
        map(
            c.getPorts(),
            p -> {
              ContainerPort port = new ContainerPort();
              port.setName(Shared.of(p.getName()));
              port.setContainerPort(p.getContainerPort());
              port.setHostPort(p.getHostPort());
              return port;
            }));
    return out;
  }

  /** Name, namespace and resourceVersion (the informer tells updates by it), and what is given. */
  private static ObjectMeta meta(
      ObjectMeta from, Map<String, String> labels, Map<String, String> annotations) {
    ObjectMeta m = new ObjectMeta();
    m.setName(from.getName());
    m.setNamespace(Shared.of(from.getNamespace()));
    m.setResourceVersion(from.getResourceVersion());
    m.setLabels(labels);
    m.setAnnotations(annotations);
    return m;
  }

  /** Our annotations only: a Helm or kubectl annotation can be larger than the rest together. */
  private static Map<String, String> ours(Map<String, String> annotations) {
    if (annotations == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    annotations.forEach(
        (k, v) -> {
          if (k.startsWith(Annotations.PREFIX)) {
            out.put(k, v);
          }
        });
    return out;
  }

  private static <A, B> List<B> map(List<A> list, Function<A, B> f) {
    return list == null ? null : list.stream().map(f).toList();
  }

  private static <T> T finish(T o) {
    return Compactor.compact(o);
  }
}
