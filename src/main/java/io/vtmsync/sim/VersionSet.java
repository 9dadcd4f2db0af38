package io.vtmsync.sim;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The API versions a simulator serves, in the configured order; replaceable to mimic upgrades. */
final class VersionSet {
  private volatile List<ApiVersion> versions;
  private final boolean legacy;

  VersionSet(List<String> texts) {
    this.versions = ApiVersion.parseAll(texts);
    this.legacy = versions.get(0).isLegacy();
  }

  /** Pool state is kept in one schema family, so an "upgrade" may not cross the 3.0 boundary. */
  void set(List<String> texts) {
    List<ApiVersion> parsed = ApiVersion.parseAll(texts);
    if (parsed.get(0).isLegacy() != legacy) {
      throw new IllegalArgumentException(
          "cannot switch between legacy (<3.0) and modern API versions: " + texts);
    }
    versions = parsed;
  }

  List<ApiVersion> all() {
    return versions;
  }

  Optional<ApiVersion> find(String text) {
    return versions.stream().filter(v -> v.text().equals(text)).findFirst();
  }

  ApiVersion highest() {
    return Collections.max(versions);
  }
}
