package io.vtmsync.bench;

import io.vtmsync.demo.ProductionObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the production part measured: the cluster's setup, object sizes, and one app run per JVM.
 */
final class ProductionFigures {

  final ProductionObjects objects;
  final int clusters;
  final String loadBefore = Machine.loadAverage();
  final List<ProductionRun> runs = new ArrayList<>();
  ObjectSizes sizes;
  Map<String, Double> setupByKind;
  double setupSeconds;
  int hostPortServices;
  long hostPortNamespaces;

  ProductionFigures(ProductionObjects objects, int clusters) {
    this.objects = objects;
    this.clusters = clusters;
  }

  int pods() {
    return objects.services * objects.podsPerService;
  }
}
