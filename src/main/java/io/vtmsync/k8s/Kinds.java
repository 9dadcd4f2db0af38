package io.vtmsync.k8s;

import java.util.List;

/**
 * The Kubernetes resources the app reads or writes, each with the only verbs it uses. The RBAC
 * manifest in {@code k8s/} is tested against this list, so the two cannot drift apart.
 */
public final class Kinds {

  public static final String SERVICES = "services";
  public static final String ENDPOINT_SLICES = "endpointslices";
  public static final String NODES = "nodes";
  public static final String PODS = "pods";

  /** (API group, resource) pairs read with get/list/watch. */
  public static final List<String[]> READ =
      List.of(
          new String[] {"", SERVICES},
          new String[] {"discovery.k8s.io", ENDPOINT_SLICES},
          new String[] {"", NODES},
          new String[] {"", PODS});

  public static final List<String> READ_VERBS = List.of("get", "list", "watch");

  /** Leader election: fabric8's Lease lock, in the app's own namespace only. */
  public static final List<String[]> LEASE =
      List.<String[]>of(new String[] {"coordination.k8s.io", "leases"});

  /**
   * Read the Lease, create it once, renew, take over and release it: fabric8 7.5's lock writes with
   * a JSON merge patch that carries the resourceVersion, where client-go sends an update.
   */
  public static final List<String> LEASE_VERBS = List.of("get", "create", "patch");

  /** Events on the exposed Services, in the namespaces they live in (io.vtmsync.events). */
  public static final List<String[]> EVENTS = List.<String[]>of(new String[] {"", "events"});

  /**
   * Create an Event, then patch its count, lastTimestamp and message on a repeat: no get, list,
   * watch, update or delete (a patch that finds the Event expired creates it again).
   */
  public static final List<String> EVENT_VERBS = List.of("create", "patch");

  private Kinds() {}
}
