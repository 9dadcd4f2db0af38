package io.vtmsync.bench;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.List;

/** The exposed Services the end-to-end benchmarks create. */
final class Services {

  private Services() {}

  static Service nodePort(String name, String trafficPolicy) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("default")
        .addToAnnotations("vtm-k8s-sync.io/expose", "true")
        .endMetadata()
        .withNewSpec()
        .withType("NodePort")
        .withExternalTrafficPolicy(trafficPolicy)
        .addToSelector("app", name)
        .addNewPort()
        .withName("http")
        .withPort(80)
        .withNewTargetPort("http")
        .endPort()
        .endSpec()
        .build();
  }

  static List<ContainerPort> httpPort() {
    return List.of(new ContainerPortBuilder().withName("http").withContainerPort(80).build());
  }
}
