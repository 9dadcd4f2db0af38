package io.vtmsync.sim;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A REST API version such as "3.10", compared numerically (section 1) with feature checks. */
record ApiVersion(int major, int minor, String text) implements Comparable<ApiVersion> {
  private static final Pattern FORM = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})");
  // Release per API version from the section-1 table; used by status/local_tm/information.
  private static final Map<String, String> RELEASES =
      Map.ofEntries(
          Map.entry("2.0", "9.5"),
          Map.entry("3.9", "11.0"),
          Map.entry("3.10", "11.1"),
          Map.entry("3.11", "17.1"),
          Map.entry("4.0", "17.2"),
          Map.entry("5.2", "18.1"),
          Map.entry("6.2", "19.1"),
          Map.entry("7.1", "19.3"),
          Map.entry("8.1", "20.2"),
          Map.entry("8.3", "22.3"));

  static ApiVersion parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text);
    if (!m.matches()) {
      throw new IllegalArgumentException("API version must look like 5.2: " + text);
    }
    return new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), text);
  }

  /** Rejects empty, duplicate or mixed legacy/modern lists (one schema family per simulator). */
  static List<ApiVersion> parseAll(List<String> texts) {
    if (texts == null || texts.isEmpty()) {
      throw new IllegalArgumentException("at least one API version is required");
    }
    List<ApiVersion> versions = texts.stream().map(ApiVersion::parse).toList();
    if (versions.stream().distinct().count() != versions.size()) {
      throw new IllegalArgumentException("duplicate API versions: " + texts);
    }
    if (versions.stream().map(ApiVersion::isLegacy).distinct().count() > 1) {
      throw new IllegalArgumentException(
          "cannot mix legacy (<3.0) and modern (>=3.0) API versions: " + texts);
    }
    return versions;
  }

  /** Before 3.0 pools used node lists instead of nodes_table (section 7). */
  boolean isLegacy() {
    return major < 3;
  }

  /** Service discovery arrived with API 5.2 / vTM 18.1 (section 8). */
  boolean hasServiceDiscovery() {
    return atLeast(5, 2);
  }

  /** nodes_table.source_ip is present from API 3.3 (section 6). */
  boolean hasSourceIp() {
    return atLeast(3, 3);
  }

  /** API 1.x named the extra files collection "extra" (section 3). */
  String extraFilesCollection() {
    return major == 1 ? "extra" : "extra_files";
  }

  String release() {
    return RELEASES.getOrDefault(text, "sim-" + text);
  }

  boolean atLeast(int otherMajor, int otherMinor) {
    return major > otherMajor || (major == otherMajor && minor >= otherMinor);
  }

  @Override
  public int compareTo(ApiVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApiVersion v && v.major == major && v.minor == minor;
  }

  @Override
  public int hashCode() {
    return major * 1000 + minor;
  }
}
