package io.vtmsync.vtm;

/**
 * The {@code basic.note} that marks a pool as created, and so owned, by vtm-k8s-sync. Pools without
 * it belong to the vTM admin and are never written unless adoption is switched on.
 */
public final class ManagedNote {

  static final String PREFIX = "managed by vtm-k8s-sync";

  private ManagedNote() {}

  public static String text(String service) {
    return PREFIX
        + " from Kubernetes Service "
        + service
        + "; its nodes_table is rewritten on every change, edit the Service instead";
  }

  public static boolean isManaged(String note) {
    return note != null && note.startsWith(PREFIX);
  }
}
