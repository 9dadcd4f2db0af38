package io.vtmsync.demo;

import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeExtractor;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Lists in pages ({@code limit} and {@code continue}), as a real API server does and fabric8's mock
 * server does not: it answers a list with every item at once. A client that asks for pages to bound
 * its memory (the informers list 500 at a time) would otherwise get a 20,000-Pod list in one piece.
 * Items come in namespace/name order; the continue token is the key of the last item sent.
 */
final class ListPages {

  private ListPages() {}

  /** The page a list request with {@code limit} asks for, or null when it is no such request. */
  static MockResponse page(
      String path, Map<AttributeSet, String> store, AttributeExtractor keys, LongSupplier version) {
    int q = path.indexOf('?');
    if (q < 0 || !path.contains("limit=") || path.contains("watch=true")) {
      return null;
    }
    String limit = null;
    String after = null;
    StringBuilder base = new StringBuilder(path.substring(0, q));
    char sep = '?';
    for (String param : path.substring(q + 1).split("&")) {
      if (param.startsWith("limit=")) {
        limit = param.substring(6);
      } else if (param.startsWith("continue=")) {
        after = token(URLDecoder.decode(param.substring(9), StandardCharsets.UTF_8));
      } else {
        base.append(sep).append(param);
        sep = '&';
      }
    }
    AttributeSet query = keys.fromPath(base.toString());
    if (limit == null || query.containsKey(KubernetesAttributesExtractor.NAME)) {
      return null;
    }
    return answer(items(store, query, after), Integer.parseInt(limit), version.getAsLong());
  }

  private static List<Map.Entry<String, String>> items(
      Map<AttributeSet, String> store, AttributeSet query, String after) {
    List<Map.Entry<AttributeSet, String>> all = new ArrayList<>(store.entrySet());
    List<Map.Entry<String, String>> out = new ArrayList<>();
    for (Map.Entry<AttributeSet, String> e : all) {
      String key = key(e.getKey());
      if (e.getKey().matches(query) && (after == null || key.compareTo(after) > 0)) {
        out.add(Map.entry(key, e.getValue()));
      }
    }
    out.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
    return out;
  }

  private static MockResponse answer(List<Map.Entry<String, String>> items, int limit, long rv) {
    List<Map.Entry<String, String>> page = items.subList(0, Math.min(limit, items.size()));
    String next =
        items.size() > page.size()
            ? Base64.getUrlEncoder().encodeToString(page.get(page.size() - 1).getKey().getBytes())
            : "";
    StringBuilder body = new StringBuilder("{\"apiVersion\":\"v1\",\"kind\":\"List\",\"items\":[");
    for (int i = 0; i < page.size(); i++) {
      body.append(i == 0 ? "" : ",").append(page.get(i).getValue());
    }
    body.append("],\"metadata\":{\"resourceVersion\":\"").append(rv).append('"');
    body.append(next.isEmpty() ? "" : ",\"continue\":\"" + next + "\"").append("}}");
    return new MockResponse().setResponseCode(200).setBody(body.toString());
  }

  private static String key(AttributeSet item) {
    return value(item, KubernetesAttributesExtractor.NAMESPACE)
        + "/"
        + value(item, KubernetesAttributesExtractor.NAME);
  }

  private static String value(AttributeSet item, String key) {
    Attribute a = item.getAttribute(key);
    return a == null ? "" : a.getValues().toString();
  }

  private static String token(String encoded) {
    return new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
  }
}
