package io.vtmsync.bench;

import java.util.List;

/** One run of the app in the production part; a field stays null when its stage did not run. */
final class ProductionRun {

  final List<String> jvmOptions;
  String log;
  String jvm = "?";
  Long convergeMs;
  Long convergeCpuMs;
  Long heapKb;
  Long rssKb;
  Long podEvents;
  Long hostPortMs;
  Boolean hostPortMembersOk;
  Long podEventsHostPort;
  Long podObjects;
  Long heapPodsKb;
  Long rssPodsKb;
  Long revertMs;
  Boolean revertMembersOk;
  Long podObjectsRevert;
  Long heapRevertKb;
  Long peakRssKb;
  String failure;
  List<String> histogram;
  boolean oom;
  int exit;
  boolean cleanStop;

  ProductionRun(List<String> jvmOptions) {
    this.jvmOptions = List.copyOf(jvmOptions);
  }
}
