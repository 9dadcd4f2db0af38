package io.vtmsync.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.demo.ClusterScript;
import io.vtmsync.demo.EmbeddedKubernetes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstSliceIT {

  @TempDir Path dir;

  @Test
  void writes_the_pool_file() throws Exception {
    try (EmbeddedKubernetes kube = new EmbeddedKubernetes();
        KubernetesClient client = kube.client()) {
      ClusterScript script = new ClusterScript(client);
      script.addNode("node-a", "10.0.0.9");
      script.addNode("node-b", "10.0.0.10");
      Service svc =
          new ServiceBuilder()
              .withNewMetadata()
              .withName("web")
              .withNamespace("default")
              .addToAnnotations("vtm-k8s-sync.io/expose", "true")
              .endMetadata()
              .withNewSpec()
              .withType("NodePort")
              .withExternalTrafficPolicy("Local")
              .addToSelector("app", "web")
              .addNewPort()
              .withName("http")
              .withPort(80)
              .withNewTargetPort("http")
              .endPort()
              .endSpec()
              .build();
      script.createService(
          svc, List.of(new ContainerPortBuilder().withName("http").withContainerPort(80).build()));
      script.scale("default", "web", 2);
      App.Options o =
          App.Options.defaults()
              .with("k8s.master-url", kube.url())
              .with("sink.file.directory", dir.toString());
      try (App app = App.start(o)) {
        Path file = dir.resolve("default-web-http.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(file));
        assertThat(Files.readString(file))
            .isEqualTo(
                "{\"version\":1,\"code\":200,\"nodes\":[{\"ip\":\"10.0.0.9\",\"port\":30080},{\"ip\":\"10.0.0.10\",\"port\":30080}]}");
      }
    }
  }
}
