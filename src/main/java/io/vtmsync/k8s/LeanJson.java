package io.vtmsync.k8s;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The JSON reading of the informers' client: it skips, while parsing, the bulky fields no reader of
 * ours ever looks at (managedFields, node images, container specs, pod conditions...), so they are
 * never built at all. A real Pod is about 65 KB of heap as fabric8 reads it; listing 20,000 of them
 * whole would allocate over a gigabyte (and swell the heap) only for {@link ObjectTrimmer} to drop
 * nearly all of it. The trim still decides what is cached; this only saves the garbage.
 */
public final class LeanJson {

  private LeanJson() {}

  public static KubernetesSerialization serialization() {
    ObjectMapper mapper = new ObjectMapper();
    mapper.addMixIn(ObjectMeta.class, SkipMeta.class);
    mapper.addMixIn(NodeStatus.class, SkipNodeStatus.class);
    mapper.addMixIn(PodSpec.class, SkipPodSpec.class);
    mapper.addMixIn(Container.class, SkipContainer.class);
    mapper.addMixIn(PodStatus.class, SkipPodStatus.class);
    mapper.addMixIn(Endpoint.class, SkipEndpoint.class);
    return new KubernetesSerialization(mapper, true);
  }

  @JsonIgnoreProperties(
      value = {"managedFields", "ownerReferences", "finalizers"},
      allowGetters = true)
  private interface SkipMeta {}

  @JsonIgnoreProperties(
      value = {
        "images",
        "nodeInfo",
        "allocatable",
        "capacity",
        "volumesAttached",
        "volumesInUse",
        "daemonEndpoints",
        "config",
        "features",
        "runtimeHandlers"
      },
      allowGetters = true)
  private interface SkipNodeStatus {}

  @JsonIgnoreProperties(
      value = {
        "volumes",
        "initContainers",
        "ephemeralContainers",
        "tolerations",
        "affinity",
        "topologySpreadConstraints",
        "securityContext",
        "imagePullSecrets",
        "hostAliases",
        "readinessGates",
        "resourceClaims",
        "schedulingGates",
        "dnsConfig",
        "overhead",
        "nodeSelector"
      },
      allowGetters = true)
  private interface SkipPodSpec {}

  @JsonIgnoreProperties(
      value = {
        "env",
        "envFrom",
        "resources",
        "resizePolicy",
        "volumeMounts",
        "volumeDevices",
        "livenessProbe",
        "readinessProbe",
        "startupProbe",
        "lifecycle",
        "securityContext",
        "args",
        "command"
      },
      allowGetters = true)
  private interface SkipContainer {}

  @JsonIgnoreProperties(
      value = {
        "conditions",
        "containerStatuses",
        "initContainerStatuses",
        "ephemeralContainerStatuses",
        "resourceClaimStatuses",
        "podIPs",
        "hostIPs"
      },
      allowGetters = true)
  private interface SkipPodStatus {}

  @JsonIgnoreProperties(
      value = {"hints", "deprecatedTopology", "zone", "hostname"},
      allowGetters = true)
  private interface SkipEndpoint {}
}
