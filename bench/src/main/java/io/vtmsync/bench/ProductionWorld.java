package io.vtmsync.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vtmsync.demo.ProductionObjects;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * The production part's cluster in the API server process: Nodes, Pods, Services (exposed, port
 * {@code http}) and EndpointSlices from {@link ProductionObjects}, written over HTTP as raw JSON by
 * a bounded pool of writers (the API server serializes writes; more writers only queue).
 */
final class ProductionWorld implements AutoCloseable {

  static final int WRITERS = 4;

  final ProductionObjects objects;
  final String url;
  final KubernetesClient client;

  /** Seconds each kind took to write, in order of creation. */
  final Map<String, Double> setupSeconds = new LinkedHashMap<>();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  ProductionWorld(ProductionObjects objects, String url) {
    this.objects = objects;
    this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.client =
        new KubernetesClientBuilder()
            .withConfig(new io.fabric8.kubernetes.client.ConfigBuilder().withMasterUrl(url).build())
            .build();
  }

  /** Writes the whole cluster: nodes first, then pods, Services and their slices. */
  void create() throws Exception {
    ProductionObjects o = objects;
    write("Nodes", o.nodes, n -> new String[] {"/api/v1/nodes", o.nodeJson(n)});
    int pods = o.services * o.podsPerService;
    write(
        "Pods",
        pods,
        k -> {
          int i = k / o.podsPerService;
          return new String[] {
            "/api/v1/namespaces/" + o.namespace(i) + "/pods", o.podJson(i, k % o.podsPerService)
          };
        });
    write(
        "Services",
        o.services,
        i ->
            new String[] {
              "/api/v1/namespaces/" + o.namespace(i) + "/services", o.serviceJson(i, Map.of())
            });
    write(
        "EndpointSlices",
        o.services,
        i ->
            new String[] {
              "/apis/discovery.k8s.io/v1/namespaces/" + o.namespace(i) + "/endpointslices",
              o.sliceJson(i)
            });
  }

  /** The Services whose pods publish a hostPort, which {@link #hostPort} can switch. */
  List<Integer> hostPortCapable() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < objects.services; i++) {
      if (objects.publishesHostPort(i)) {
        out.add(i);
      }
    }
    return out;
  }

  /** Sets (or removes) {@code vtm-k8s-sync.io/mode: hostport} on these Services. */
  void hostPort(List<Integer> services, boolean on) {
    for (int i : services) {
      client
          .services()
          .inNamespace(objects.namespace(i))
          .withName(ProductionObjects.app(i))
          .edit(
              s -> {
                if (on) {
                  s.getMetadata().getAnnotations().put("vtm-k8s-sync.io/mode", "hostport");
                } else {
                  s.getMetadata().getAnnotations().remove("vtm-k8s-sync.io/mode");
                }
                return s;
              });
    }
  }

  /** The pool of Service i: {@code <namespace>-<service>-http}. */
  String pool(int i) {
    return objects.namespace(i) + "-" + ProductionObjects.app(i) + "-http";
  }

  private void write(String kind, int count, IntFunction<String[]> request) throws Exception {
    long start = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int k = 0; k < count; k++) {
        int n = k;
        done.add(pool.submit(() -> post(request.apply(n))));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    setupSeconds.put(kind, (System.nanoTime() - start) / 1e9);
  }

  private Void post(String[] pathAndBody) throws IOException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(url + pathAndBody[0]))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(pathAndBody[1]))
            .build();
    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 201) {
      throw new IOException("POST " + pathAndBody[0] + ": " + res.statusCode() + " " + res.body());
    }
    return null;
  }

  @Override
  public void close() {
    client.close();
  }
}
