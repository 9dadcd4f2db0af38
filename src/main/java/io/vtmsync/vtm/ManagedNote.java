package io.vtmsync.vtm;

/**
 * The {@code basic.note} that marks a pool as created, and so owned, by vtm-k8s-sync. Pools without
 * it belong to the vTM admin and are never written unless adoption is switched on.
 */
public final class ManagedNote {

  static final String PREFIX = "managed by vtm-k8s-sync";
  private static final String FROM = PREFIX + " from Kubernetes Service ";

  private ManagedNote() {}

  public static String text(String service) {
    return FROM
        + service
        + "; its nodes_table is rewritten on every change, edit the Service instead";
  }

  /** The shorter mark our Service Discovery files carry in their {@code info} field. */
  public static String fileMark(String service) {
    return FROM + service;
  }

  /**
   * The Service a mark names ({@code namespace/name}), or empty when the text is not our mark: an
   * admin's note, or a mark that names no Service. Only what we own is ever swept.
   */
  public static java.util.Optional<String> owner(String note) {
    if (note == null || !note.startsWith(FROM)) {
      return java.util.Optional.empty();
    }
    String rest = note.substring(FROM.length());
    int end = rest.indexOf(';');
    String service = (end < 0 ? rest : rest.substring(0, end)).trim();
    // [source:]namespace/name: a named Kubernetes source prefixes its Service keys.
    return service.matches("([a-z0-9][a-z0-9-]*:)?[a-z0-9][a-z0-9.-]*/[a-z0-9][a-z0-9.-]*")
        ? java.util.Optional.of(service)
        : java.util.Optional.empty();
  }

  public static boolean isManaged(String note) {
    return note != null && note.startsWith(PREFIX);
  }
}
