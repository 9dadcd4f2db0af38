package io.vtmsync.demo;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Prints the app's own lines of a Prometheus scrape, as an operator would see them. */
final class DemoMetrics {

  private DemoMetrics() {}

  static void print(String url, PrintStream out) {
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).build(),
                  HttpResponse.BodyHandlers.ofString());
      out.println();
      out.println("A scrape of " + url + " (the app's own series; Camel's route metrics omitted):");
      r.body()
          .lines()
          .filter(l -> l.startsWith("vtmsync_") && !l.contains("_bucket{") && !l.contains("_max{"))
          .filter(l -> !(l.startsWith("vtmsync_pools{") && l.endsWith(" 0.0")))
          .forEach(l -> out.println("  " + l));
    } catch (Exception e) {
      out.println("(metrics not available: " + e.getMessage() + ")");
    }
  }
}
