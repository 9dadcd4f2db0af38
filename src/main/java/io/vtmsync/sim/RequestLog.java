package io.vtmsync.sim;

import java.util.ArrayDeque;
import java.util.List;

/** Bounded, thread-safe log of the requests a simulator answered, newest last. */
final class RequestLog {
  private final int capacity;
  private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();

  RequestLog(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(RecordedRequest request) {
    if (entries.size() == capacity) {
      entries.removeFirst();
    }
    entries.addLast(request);
  }

  synchronized List<RecordedRequest> snapshot() {
    return List.copyOf(entries);
  }

  synchronized long count(String method, String pathPrefix) {
    return entries.stream()
        .filter(r -> r.method().equalsIgnoreCase(method) && r.path().startsWith(pathPrefix))
        .count();
  }

  synchronized void clear() {
    entries.clear();
  }
}
