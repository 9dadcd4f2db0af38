package io.vtmsync.pool;

import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeAddressBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditionsBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.vtmsync.k8s.KubeNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The random nodes, EndpointSlices and pods of {@link FuzzInputs}: odd node addresses and
 * conditions, slices of every address type with valid and invalid addresses, every combination of
 * endpoint conditions, ports that do not match the Service, pods with and without hostPorts.
 */
final class FuzzBackends {

  private final Random rnd;
  private final FuzzInputs in;
  private int nodeCount;

  FuzzBackends(Random rnd, FuzzInputs in) {
    this.rnd = rnd;
    this.in = in;
  }

  List<Node> nodes(int n) {
    nodeCount = n;
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, String> labels = new HashMap<>();
      if (in.chance(0.3)) {
        labels.put("role", in.pick("edge", "core"));
      }
      if (in.chance(0.1)) {
        labels.put(KubeNames.EXCLUDE_LB_LABEL, "");
      }
      NodeBuilder b = new NodeBuilder().withNewMetadata().withName("node-" + i).endMetadata();
      b.withNewSpec().withUnschedulable(in.pick(true, false, null)).endSpec();
      if (!in.chance(0.03)) {
        b.withNewStatus().withAddresses(nodeAddresses(i)).withConditions(conditions()).endStatus();
      }
      out.add(b.editMetadata().withLabels(labels).endMetadata().build());
    }
    return out;
  }

  private List<NodeAddress> nodeAddresses(int i) {
    List<NodeAddress> out = new ArrayList<>();
    String[][] choices = {
      {"InternalIP", "10.0.0." + i},
      {"InternalIP", "fd00::" + Integer.toHexString(i + 1)},
      {"ExternalIP", "192.0.2." + i},
      {"Hostname", "node-" + i},
      {"InternalIP", "10.0.0.1"},
      {"InternalIP", in.pick(FuzzNames.BAD_ADDRESSES)},
      {null, "10.0.9." + i},
      {"ExternalIP", null}
    };
    if (in.chance(0.8)) {
      out.add(new NodeAddressBuilder().withType("InternalIP").withAddress("10.0.0." + i).build());
    }
    int n = rnd.nextInt(3);
    for (int k = 0; k < n; k++) {
      String[] c = in.pick(choices);
      out.add(new NodeAddressBuilder().withType(c[0]).withAddress(c[1]).build());
    }
    return out;
  }

  private List<NodeCondition> conditions() {
    String ready = in.pick("True", "True", "True", "True", "False", "Unknown", null, "missing");
    List<NodeCondition> out = new ArrayList<>();
    if (!"missing".equals(ready)) {
      NodeCondition c = new NodeCondition();
      c.setType("Ready");
      c.setStatus(ready);
      out.add(c);
    }
    return in.chance(0.05) ? null : out;
  }

  /** The Service's slices (up to {@code max} endpoints each) and some pods behind them. */
  List<HasMetadata> slicesAndPods(Service svc, int max) {
    List<HasMetadata> out = new ArrayList<>();
    String ns = svc.getMetadata().getNamespace();
    List<ServicePort> ports = svc.getSpec() == null ? List.of() : svc.getSpec().getPorts();
    int slices = max > 12 ? 1 : rnd.nextInt(4);
    for (int s = 0; s < slices; s++) {
      List<Endpoint> endpoints = new ArrayList<>();
      int n = max > 12 ? max : rnd.nextInt(max + 1);
      List<String> families = svc.getSpec() == null ? null : svc.getSpec().getIpFamilies();
      String primary = families == null || families.isEmpty() ? "IPv4" : families.get(0);
      String family = in.mix(in.pick(primary, "IPv4"), "IPv6", "FQDN", null, "garbage");
      for (int e = 0; e < n; e++) {
        String pod = in.chance(0.8) ? "p" + s + "-" + e : null;
        endpoints.add(endpoint(s, e, family, pod));
        if (pod != null && in.chance(n > 12 ? 0.02 : 0.7)) {
          out.add(pod(ns, pod, ports));
        }
      }
      String label = in.mix(svc.getMetadata().getName(), "other");
      out.add(
          new EndpointSliceBuilder()
              .withNewMetadata()
              .withNamespace(ns)
              .withName(svc.getMetadata().getName() + "-" + s)
              .withLabels(in.mix(Map.of(KubeNames.SERVICE_NAME_LABEL, label), Map.of()))
              .endMetadata()
              .withAddressType(family)
              .withPorts(in.mix(slicePorts(ports), null, List.of()))
              .withEndpoints(endpoints)
              .build());
    }
    return out;
  }

  private List<EndpointPort> slicePorts(List<ServicePort> ports) {
    List<EndpointPort> out = new ArrayList<>();
    for (ServicePort p : ports) {
      if (in.mix(true, false)) {
        Integer target = p.getTargetPort() == null ? null : p.getTargetPort().getIntVal();
        String name = in.mix(p.getName(), "other", null);
        Integer port = in.mix(target == null ? 8080 : target, 8443, 0, -1, 65536, null);
        String protocol = in.mix(p.getProtocol(), "UDP", "TCP");
        out.add(
            new EndpointPortBuilder().withName(name).withPort(port).withProtocol(protocol).build());
      }
    }
    return out;
  }

  private Endpoint endpoint(int slice, int i, String family, String pod) {
    String v4 = "10." + (slice + 1) + "." + (i / 256) + "." + (i % 256);
    String v6 = "fd00:10:" + (slice + 1) + "::" + Integer.toHexString(i);
    String address =
        in.mix("IPv6".equals(family) ? v6 : v4, in.pick(FuzzNames.BAD_ADDRESSES), v4, v6);
    List<String> addresses = in.mix(new ArrayList<>(), (List<String>) null);
    if (addresses != null) {
      addresses.add(address);
      if (in.chance(0.05)) {
        addresses.add(in.chance(0.5) ? address : v4);
      }
    }
    String node = in.mix("node-" + rnd.nextInt(nodeCount + 1), null, "gone", "node-0");
    return new EndpointBuilder()
        .withAddresses(addresses)
        .withConditions(in.mix(conditionsOf(), (EndpointConditions) null))
        .withNodeName(node)
        .withNewTargetRef()
        .withKind(pod == null ? in.pick(null, "Node") : "Pod")
        .withName(pod)
        .endTargetRef()
        .build();
  }

  private EndpointConditions conditionsOf() {
    return new EndpointConditionsBuilder()
        .withReady(in.mix(true, false, null))
        .withServing(in.mix(true, false, null))
        .withTerminating(in.mix(in.pick(false, false, false, true), (Boolean) null))
        .build();
  }

  private HasMetadata pod(String ns, String name, List<ServicePort> ports) {
    List<io.fabric8.kubernetes.api.model.ContainerPort> cps = new ArrayList<>();
    for (ServicePort p : ports) {
      IntOrString t = p.getTargetPort();
      if (in.chance(0.8)) {
        cps.add(
            new ContainerPortBuilder()
                .withName(t != null && t.getStrVal() != null ? t.getStrVal() : in.pick("x", null))
                .withContainerPort(t != null && t.getIntVal() != null ? t.getIntVal() : 8080)
                .withHostPort(in.mix(9000 + rnd.nextInt(100), null, 0, -1, 8080, 70000))
                .build());
      }
    }
    return new PodBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withPorts(cps)
        .endContainer()
        .endSpec()
        .build();
  }
}
