package io.vtmsync.bench;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vtmsync.demo.ProductionObjects;
import io.vtmsync.k8s.ObjectTrimmer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * Heap per object, whole (as fabric8 reads it) and trimmed (as the informers cache it), without
 * JOL: the heap after a full GC with N objects held, less the heap before, divided by N.
 */
final class ObjectSizes {

  /** Bytes each: kind to {whole, trimmed}. */
  final Map<String, long[]> bytes = new LinkedHashMap<>();

  final int wholeCount;
  final int trimmedCount;

  ObjectSizes(ProductionObjects o, int wholeCount, int trimmedCount) {
    this.wholeCount = wholeCount;
    this.trimmedCount = trimmedCount;
    int per = o.podsPerService;
    measure("Pod", k -> o.podJson(k / per % o.services, k % per), Pod.class, ObjectTrimmer::pod);
    measure("Node", o::nodeJson, Node.class, ObjectTrimmer::node);
    measure(
        "Service",
        i -> o.serviceJson(i % o.services, Map.of()),
        Service.class,
        ObjectTrimmer::service);
    measure(
        "EndpointSlice",
        i -> o.sliceJson(i % o.services),
        EndpointSlice.class,
        ObjectTrimmer::endpointSlice);
  }

  private <T> void measure(
      String kind, IntFunction<String> json, Class<T> type, UnaryOperator<T> trim) {
    // Jackson builds its deserializers at a type's first use: not part of any object.
    each(20, i -> trim.apply(Serialization.unmarshal(json.apply(i), type)));
    long whole = each(wholeCount, i -> Serialization.unmarshal(json.apply(i), type));
    long trimmed =
        each(trimmedCount, i -> trim.apply(Serialization.unmarshal(json.apply(i), type)));
    bytes.put(kind, new long[] {whole, trimmed});
  }

  private static long each(int n, IntFunction<Object> make) {
    List<Object> held = new ArrayList<>(n);
    long before = heapAfterGc();
    for (int i = 0; i < n; i++) {
      held.add(make.apply(i));
    }
    long after = heapAfterGc();
    long size = (after - before) / n;
    held.clear();
    return size;
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
