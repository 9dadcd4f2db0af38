package io.vtmsync.k8s;

import java.util.Arrays;

/** Which of a node's addresses vTM should connect to. */
public enum AddressType {
  INTERNAL_IP("InternalIP"),
  EXTERNAL_IP("ExternalIP");

  private final String kubeName;

  AddressType(String kubeName) {
    this.kubeName = kubeName;
  }

  /** The name Kubernetes uses in {@code node.status.addresses[].type}. */
  public String kubeName() {
    return kubeName;
  }

  public AddressType other() {
    return this == INTERNAL_IP ? EXTERNAL_IP : INTERNAL_IP;
  }

  /** Parses {@code InternalIP} or {@code ExternalIP} (case-insensitive). */
  public static AddressType parse(String text) {
    return Arrays.stream(values())
        .filter(t -> t.kubeName.equalsIgnoreCase(text == null ? "" : text.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "expected InternalIP or ExternalIP, got '" + text + "'"));
  }
}
