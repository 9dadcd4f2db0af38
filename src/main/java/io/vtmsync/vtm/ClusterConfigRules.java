package io.vtmsync.vtm;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Validation of {@link VtmClusterConfig} values, with messages that name the cluster and key. */
final class ClusterConfigRules {
  private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern USERINFO = Pattern.compile("//[^/?#]*@");
  private static final List<String> KEYS =
      List.of(
          "url",
          "username",
          "password-file",
          "password-env",
          "ca-file",
          "insecure",
          "api-version",
          "concurrency",
          "timeout-ms");

  private ClusterConfigRules() {}

  static IllegalArgumentException fail(String cluster, String key, Object value, String why) {
    String shown = value == null ? "" : "='" + value + "'";
    return new IllegalArgumentException(
        "config key vtm." + cluster + "." + key + shown + ": " + why);
  }

  /**
   * The {@code url} key as a URI. A cluster with no key at all is named as such: it is listed in
   * vtm.clusters and never configured, which is a different mistake from a forgotten URL.
   */
  static URI parseUrl(String name, Function<String, String> key) {
    String value = key.apply("url");
    if (value == null && KEYS.stream().allMatch(k -> key.apply(k) == null)) {
      throw new IllegalArgumentException(
          "config key vtm."
              + name
              + ".url is missing: vtm.clusters lists '"
              + name
              + "' but no vtm."
              + name
              + ".* key is set");
    }
    if (value == null) {
      throw fail(name, "url", null, "is missing");
    }
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw fail(name, "url", redact(value), "not a URL: " + e.getReason());
    }
  }

  static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "vTM cluster name '" + name + "' must be lower-kebab (a-z, 0-9, '-'), e.g. east or dc-2");
    }
  }

  /** Returns the URL without a trailing "/", or throws. */
  static URI checkUrl(String cluster, URI url) {
    if (url == null) {
      throw fail(cluster, "url", null, "is missing");
    }
    String shown = redact(url.toString());
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (url.getRawUserInfo() != null) {
      throw fail(
          cluster,
          "url",
          shown,
          "credentials in the URL are refused; use username and" + " password-file");
    }
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw fail(cluster, "url", shown, "must start with https://");
    }
    if (url.getHost() == null) {
      throw fail(cluster, "url", shown, "has no host");
    }
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    if (!(path.isEmpty() || path.equals("/"))
        || url.getRawQuery() != null
        || url.getRawFragment() != null) {
      throw fail(
          cluster, "url", shown, "must be only scheme://host:port (the client adds /api/tm/)");
    }
    // Section 2: vTM itself serves plain HTTP only over loopback; Basic auth elsewhere would send
    // the admin password in clear text.
    if (scheme.equals("http") && !isLoopback(url.getHost())) {
      throw fail(
          cluster,
          "url",
          shown,
          "Basic auth over plain http is refused for a non-loopback" + " host; use https://");
    }
    return URI.create(scheme + "://" + url.getRawAuthority());
  }

  static void checkUsername(String cluster, String username) {
    if (username == null || username.isBlank()) {
      throw fail(cluster, "username", null, "is missing");
    }
    // Basic auth joins user and password with ':', so a ':' in the user name cannot be sent.
    if (username.contains(":") || username.chars().anyMatch(Character::isISOControl)) {
      throw fail(cluster, "username", username, "must not contain ':' or control characters");
    }
  }

  /** 127.0.0.0/8, ::1 or localhost, decided from the literal alone (no DNS lookup). */
  static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (IPV4.matcher(h).matches()) {
      return h.startsWith("127.");
    }
    if (!h.contains(":")) {
      return false;
    }
    try {
      // A bracketed literal is parsed, never resolved.
      return InetAddress.getByName("[" + h + "]").isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Hides "user:password@" in a URL that is about to be shown in an error message. */
  static String redact(String url) {
    return USERINFO.matcher(url).replaceFirst("//***@");
  }
}
