package io.vtmsync.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ConfigMapList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The embedded API server lists in pages when asked to, as a real one does. */
class ListPagesTest {

  @Test
  void a_limited_list_comes_in_pages_that_hold_every_item_once() throws Exception {
    try (EmbeddedKubernetes kube = new EmbeddedKubernetes();
        KubernetesClient client = kube.client()) {
      for (int i = 0; i < 7; i++) {
        client.configMaps().inNamespace(i % 2 == 0 ? "a" : "b").resource(map(i)).create();
      }
      client
          .secrets()
          .inNamespace("a")
          .resource(
              new io.fabric8.kubernetes.api.model.SecretBuilder()
                  .withNewMetadata()
                  .withName("other-kind")
                  .endMetadata()
                  .build())
          .create();
      List<String> names = new ArrayList<>();
      int pages = listInPagesOf3(client, names);
      assertThat(pages).isEqualTo(3);
      assertThat(names)
          .containsExactlyInAnyOrder("cm-0", "cm-1", "cm-2", "cm-3", "cm-4", "cm-5", "cm-6");
    }
  }

  @Test
  void an_informer_that_lists_in_pages_caches_everything() throws Exception {
    try (EmbeddedKubernetes kube = new EmbeddedKubernetes();
        KubernetesClient client = kube.client()) {
      for (int i = 0; i < 5; i++) {
        client.configMaps().inNamespace("a").resource(map(i)).create();
      }
      SharedIndexInformer<ConfigMap> informer =
          client.configMaps().inNamespace("a").withLimit(2L).runnableInformer(0);
      informer.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(informer.getIndexer().list()).hasSize(5);
      informer.stop();
    }
  }

  /** Lists every ConfigMap three at a time, following the continue tokens; returns the pages. */
  private static int listInPagesOf3(KubernetesClient client, List<String> names) {
    String next = null;
    int pages = 0;
    do {
      ConfigMapList page =
          client
              .configMaps()
              .inAnyNamespace()
              .list(new ListOptionsBuilder().withLimit(3L).withContinue(next).build());
      assertThat(page.getItems()).hasSizeLessThanOrEqualTo(3);
      page.getItems().forEach(c -> names.add(c.getMetadata().getName()));
      next = page.getMetadata().getContinue();
      pages++;
    } while (next != null && !next.isEmpty());
    return pages;
  }

  private static ConfigMap map(int i) {
    return new ConfigMapBuilder().withNewMetadata().withName("cm-" + i).endMetadata().build();
  }
}
