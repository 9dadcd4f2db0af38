package io.vtmsync.k8s;

import io.vtmsync.pool.BackendMode;
import io.vtmsync.pool.Member;
import java.util.List;
import java.util.Set;

/** Whether and how a Service is exposed to vTM, as read from its annotations and the config. */
public sealed interface Exposure {

  /** The Service is not ours to sync. */
  record NotExposed() implements Exposure {}

  /**
   * The Service opted in but its settings are wrong; the message names the bad value.
   *
   * @param names what still names its pools (the pool or port annotations parsed), or null when the
   *     names cannot be told: such a Service keeps what it published before, and a pool it never
   *     published gets no document
   */
  record Invalid(String message, Names names) implements Exposure {
    public Invalid(String message) {
      this(message, null);
    }
  }

  /**
   * What names a Service's pools: an explicit pool name, or one derived per selected port.
   *
   * @param pool the {@code pool} annotation, or null
   * @param ports port names; empty = the Service's only port; {@code ["*"]} = all ports
   */
  record Names(String pool, List<String> ports) {
    public Names {
      ports = List.copyOf(ports);
    }

    public boolean allPorts() {
      return ports.equals(List.of("*"));
    }
  }

  /**
   * The Service opted in.
   *
   * @param ports port names to expose; empty = the Service's only port; {@code ["*"]} = all ports
   * @param pool an explicit pool name, or null to derive one per port
   * @param clusters target vTM clusters; empty = all
   * @param weight vTM node weight of every member, 1..100 (a Member's range)
   */
  record Spec(
      BackendMode mode,
      List<String> ports,
      String pool,
      Set<String> clusters,
      AddressType addressType,
      LabelSelector nodeSelector,
      int weight)
      implements Exposure {

    public Spec {
      ports = List.copyOf(ports);
      clusters = Set.copyOf(clusters);
      if (weight < Member.MIN_WEIGHT || weight > Member.MAX_WEIGHT) {
        throw new IllegalArgumentException("weight out of range 1-100: " + weight);
      }
    }

    /** Settings with vTM's default weight, 1. */
    public Spec(
        BackendMode mode,
        List<String> ports,
        String pool,
        Set<String> clusters,
        AddressType addressType,
        LabelSelector nodeSelector) {
      this(mode, ports, pool, clusters, addressType, nodeSelector, Member.DEFAULT);
    }

    public boolean allPorts() {
      return ports.equals(List.of("*"));
    }

    public Names names() {
      return new Names(pool, ports);
    }
  }
}
