package io.vtmsync.k8s;

import io.fabric8.kubernetes.client.vertx.VertxHttpClientFactory;

/**
 * The HTTP client of every Kubernetes client that names none: Vert.x, as before fabric8's JDK
 * client joined the class path (for {@code render}). fabric8 takes the factory of highest priority
 * among those its service files list, and between equals picks at random with a WARN; this one,
 * listed in {@code META-INF/services}, ranks above both.
 */
public final class DefaultHttpClientFactory extends VertxHttpClientFactory {

  @Override
  public int priority() {
    return 1;
  }
}
