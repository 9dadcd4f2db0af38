package io.vtmsync.k8s;

import java.util.List;

/** The Service annotations that opt a Service in and tune its pools (documented in the README). */
public final class Annotations {

  public static final String PREFIX = "vtm-k8s-sync.io/";

  /** {@code "true"} exposes the Service; {@code "false"} opts it out even if config lists it. */
  public static final String EXPOSE = PREFIX + "expose";

  /** Port name(s), comma-separated, or {@code *} for all; default: the Service's only port. */
  public static final String PORT = PREFIX + "port";

  /** Pool name for a single exposed port; default {@code <namespace>-<service>-<port>}. */
  public static final String POOL = PREFIX + "pool";

  /** {@code nodeport} (default), {@code pod} or {@code hostport}. */
  public static final String MODE = PREFIX + "mode";

  /** vTM cluster names, comma-separated; default: every configured cluster. */
  public static final String CLUSTERS = PREFIX + "clusters";

  /** {@code InternalIP} (default) or {@code ExternalIP}. */
  public static final String ADDRESS_TYPE = PREFIX + "address-type";

  /** Only nodes matching this label selector become members, e.g. {@code role=edge}. */
  public static final String NODE_SELECTOR = PREFIX + "node-selector";

  /** vTM node weight 1..100 of every member of the Service; default 1 (vTM's default). */
  public static final String WEIGHT = PREFIX + "weight";

  public static final List<String> ALL =
      List.of(EXPOSE, PORT, POOL, MODE, CLUSTERS, ADDRESS_TYPE, NODE_SELECTOR, WEIGHT);

  private Annotations() {}
}
