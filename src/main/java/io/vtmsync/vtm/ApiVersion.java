package io.vtmsync.vtm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A vTM REST API version such as "3.10", ordered numerically (facts file section 1: existing
 * clients sort the names as strings, which puts 3.9 above 3.10).
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
  // No leading zeros, so toString() gives back exactly the text vTM offered and the path uses it.
  private static final Pattern FORM = Pattern.compile("(0|[1-9]\\d{0,3})\\.(0|[1-9]\\d{0,3})");

  public ApiVersion {
    if (major < 0 || minor < 0) {
      throw new IllegalArgumentException("API version parts must be >= 0: " + major + "." + minor);
    }
  }

  /** Parses "5.2"; throws {@link IllegalArgumentException} for anything else. */
  public static ApiVersion parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException("API version must look like 5.2, got '" + text + "'"));
  }

  static Optional<ApiVersion> tryParse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
  }

  /** Before 3.0 pools kept node states in lists instead of {@code nodes_table} (section 7). */
  public boolean isLegacy() {
    return major < 3;
  }

  /**
   * 3.0 and later share the {@code nodes_table} schema (section 6); of the older ones only 1.0 and
   * 2.0 have a documented pool schema (section 7), so 1.1 is not trusted.
   */
  public boolean isSupported() {
    return major >= 3 || (minor == 0 && (major == 1 || major == 2));
  }

  /** API 1.x named the extra files collection "extra" (section 3). */
  String collection(String collection) {
    return major == 1 && collection.equals("extra_files") ? "extra" : collection;
  }

  @Override
  public int compareTo(ApiVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
