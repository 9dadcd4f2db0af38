package io.vtmsync.vtm;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the REST API version to talk to a cluster with: the numerically newest one that vTM offers
 * and this client supports, or the pinned one (facts file sections 1 and 13).
 */
public final class VersionChoice {
  static final String SUPPORTED = "1.0, 2.0 and 3.0 or later";

  private VersionChoice() {}

  /**
   * @param offered the names under {@code GET /api/tm/}; names that are not versions are ignored
   * @param pinned a version the operator insists on; it must be offered and supported
   * @throws IllegalArgumentException naming the offered list when nothing fits
   */
  public static ApiVersion choose(List<String> offered, Optional<String> pinned) {
    List<ApiVersion> versions =
        offered.stream().flatMap(t -> ApiVersion.tryParse(t).stream()).distinct().toList();
    if (pinned.isPresent()) {
      return pinned(ApiVersion.parse(pinned.get()), versions, offered);
    }
    return versions.stream()
        .filter(ApiVersion::isSupported)
        .max(Comparator.naturalOrder())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no usable REST API version: offered "
                        + offered
                        + ", this client supports "
                        + SUPPORTED));
  }

  private static ApiVersion pinned(ApiVersion pin, List<ApiVersion> versions, List<String> texts) {
    if (!pin.isSupported()) {
      throw new IllegalArgumentException(
          "pinned REST API version "
              + pin
              + " is not supported; this client supports "
              + SUPPORTED);
    }
    if (!versions.contains(pin)) {
      throw new IllegalArgumentException(
          "pinned REST API version "
              + pin
              + " is not offered: offered "
              + texts
              + ", this client supports "
              + SUPPORTED);
    }
    return pin;
  }
}
