package io.vtmsync.bench;

import java.util.List;

/** What the scale part measured; a field stays null when its stage did not run. */
final class ScaleFigures {

  final int services;
  final int clusters;
  final String loadBefore = Machine.loadAverage();
  double setupSeconds;
  String log;
  String jvm = "?";
  Long convergeMs;
  Long convergeCpuMs;
  Long convergePuts;
  Long convergeGets;
  Boolean membersOk;
  Long peakRssKb;
  Long heapKb;
  Long steadyPuts;
  Long steadyGets;
  Long steadyMaxClusterGets;
  Long steadyCpuMs;
  Long steadyApi;
  Long steadyOffered;
  Long failMs;
  Long failPuts;
  Long failGets;
  Long untouchedWrites;
  Boolean failMembersOk;
  String failure;
  List<String> histogram;
  boolean oom;
  int exit;
  boolean cleanStop;

  ScaleFigures(int services, int clusters) {
    this.services = services;
    this.clusters = clusters;
  }

  int touched() {
    return services / 4;
  }
}
