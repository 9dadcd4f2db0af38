package io.vtmsync.app;

import io.vtmsync.status.StatusTable;
import io.vtmsync.status.StatusText;
import io.vtmsync.vtm.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code status}: the status page's table in the terminal, read from a running instance's {@code
 * /status.json} ({@code --url}, default http://127.0.0.1:8080; {@code --namespace} and {@code
 * --state} filter rows as the page does). Exit 0 when every cell shown has converged, 1 when some
 * has not, 2 when the instance cannot be read.
 */
public final class StatusCommand {

  static final String DEFAULT_URL = "http://127.0.0.1:8080";

  private StatusCommand() {}

  static int run(List<String> args, PrintStream out, PrintStream err) {
    Map<String, String> flags = CommandLine.flags(args);
    String url = flags.getOrDefault("url", DEFAULT_URL);
    String namespace = flags.get("namespace");
    String state = flags.get("state");
    flags.keySet().removeAll(List.of("url", "namespace", "state"));
    if (!flags.isEmpty()) {
      throw new IllegalArgumentException(
          "status takes --url, --namespace and --state, not --" + flags.keySet().iterator().next());
    }
    Predicate<StatusTable.Row> shown =
        r ->
            (namespace == null || namespace.equals(r.namespace()))
                && (state == null
                    || r.cells().values().stream().anyMatch(c -> c.state().equals(state)));
    return print(url, shown, out, err);
  }

  /** Prints the whole table of the instance at {@code url} (the demo's last words). */
  public static int print(String url, PrintStream out) {
    return print(url, r -> true, out, out);
  }

  /** Prints the table of the instance at {@code url}; returns the exit status. */
  static int print(String url, Predicate<StatusTable.Row> shown, PrintStream out, PrintStream err) {
    String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    StatusTable.Table table;
    try {
      table = fetch(URI.create(base + "/status.json"));
    } catch (IOException | IllegalArgumentException e) {
      String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      err.println("status: cannot read " + base + "/status.json: " + why);
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 2;
    }
    out.println("vtm-k8s-sync status of " + base + " (page: " + base + "/status)");
    return new StatusText(ZoneId.systemDefault()).print(table, shown, out) == 0 ? 0 : 1;
  }

  private static StatusTable.Table fetch(URI uri) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<byte[]> r =
        client.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IOException(
          "HTTP " + r.statusCode() + " (is this vtm-k8s-sync's management port?)");
    }
    return Json.MAPPER.readValue(r.body(), StatusTable.Table.class);
  }
}
