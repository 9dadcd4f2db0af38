package io.vtmsync.vtm;

import static io.vtmsync.vtm.ClusterConfigRules.fail;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to reach one vTM cluster's REST API: URL, user, where the password comes from, TLS trust, an
 * optional pinned API version, concurrency and timeout. Holds no password, so toString is safe.
 *
 * @param caFile PEM file with one or more certificates to trust instead of the JVM's defaults
 * @param insecure trust any certificate and skip the host name check (explicit, logged opt-in)
 * @param apiVersion use exactly this REST API version instead of the newest offered one
 * @param concurrency the most requests in flight to this cluster at once
 * @param timeout for connecting and for each request
 */
public record VtmClusterConfig(
    String name,
    URI baseUrl,
    String username,
    PasswordSource password,
    Optional<Path> caFile,
    boolean insecure,
    Optional<String> apiVersion,
    int concurrency,
    Duration timeout) {

  public static final int DEFAULT_CONCURRENCY = 4;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public VtmClusterConfig {
    ClusterConfigRules.checkName(name);
    baseUrl = ClusterConfigRules.checkUrl(name, baseUrl);
    ClusterConfigRules.checkUsername(name, username);
    if (password == null) {
      throw fail(name, "password-file", null, "is missing (or set password-env)");
    }
    caFile = caFile == null ? Optional.empty() : caFile;
    apiVersion = apiVersion == null ? Optional.empty() : apiVersion;
    if (insecure && caFile.isPresent()) {
      throw fail(name, "insecure", true, "cannot be combined with ca-file; choose one");
    }
    apiVersion.ifPresent(v -> checkVersion(name, v));
    if (concurrency < 1) {
      throw fail(name, "concurrency", concurrency, "must be at least 1");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw fail(name, "timeout-ms", timeout == null ? null : timeout.toMillis(), "must be > 0");
    }
  }

  /** A config with default trust, no pinned version, concurrency 4 and a 10 s timeout. */
  public static VtmClusterConfig of(
      String name, URI baseUrl, String username, PasswordSource password) {
    return new VtmClusterConfig(
        name,
        baseUrl,
        username,
        password,
        Optional.empty(),
        false,
        Optional.empty(),
        DEFAULT_CONCURRENCY,
        DEFAULT_TIMEOUT);
  }

  /** Trust the certificates in this PEM file; null goes back to the JVM's default trust. */
  public VtmClusterConfig withCaFile(Path pem) {
    return new VtmClusterConfig(
        name,
        baseUrl,
        username,
        password,
        Optional.ofNullable(pem),
        insecure,
        apiVersion,
        concurrency,
        timeout);
  }

  public VtmClusterConfig withInsecure(boolean on) {
    return new VtmClusterConfig(
        name, baseUrl, username, password, caFile, on, apiVersion, concurrency, timeout);
  }

  /** Pin this API version; null goes back to the newest offered one. */
  public VtmClusterConfig withApiVersion(String version) {
    return new VtmClusterConfig(
        name,
        baseUrl,
        username,
        password,
        caFile,
        insecure,
        Optional.ofNullable(version),
        concurrency,
        timeout);
  }

  public VtmClusterConfig withConcurrency(int requests) {
    return new VtmClusterConfig(
        name, baseUrl, username, password, caFile, insecure, apiVersion, requests, timeout);
  }

  public VtmClusterConfig withTimeout(Duration perRequest) {
    return new VtmClusterConfig(
        name, baseUrl, username, password, caFile, insecure, apiVersion, concurrency, perRequest);
  }

  /**
   * Reads the keys {@code vtm.<name>.url, username, password-file | password-env, ca-file,
   * insecure, api-version, concurrency, timeout-ms}; blank values count as absent.
   *
   * @param props looks a key up, null when absent (e.g. Camel's property resolver)
   */
  public static VtmClusterConfig fromProperties(String name, Function<String, String> props) {
    ClusterConfigRules.checkName(name);
    Function<String, String> key = k -> blankToNull(props.apply("vtm." + name + "." + k));
    // The URL first: a cluster listed in vtm.clusters but not configured is missing its URL,
    // and a complaint about password keys would send the reader to the wrong line.
    URI url = ClusterConfigRules.parseUrl(name, key);
    String file = key.apply("password-file");
    String env = key.apply("password-env");
    if ((file == null) == (env == null)) {
      throw new IllegalArgumentException(
          "config keys vtm."
              + name
              + ".password-file and vtm."
              + name
              + ".password-env: set exactly one of them");
    }
    return new VtmClusterConfig(
        name,
        url,
        key.apply("username"),
        file != null ? new PasswordSource.File(Path.of(file)) : new PasswordSource.Env(env),
        Optional.ofNullable(key.apply("ca-file")).map(Path::of),
        bool(name, "insecure", key.apply("insecure")),
        Optional.ofNullable(key.apply("api-version")),
        number(name, "concurrency", key.apply("concurrency"), DEFAULT_CONCURRENCY),
        Duration.ofMillis(
            number(name, "timeout-ms", key.apply("timeout-ms"), DEFAULT_TIMEOUT.toMillis())));
  }

  private static boolean bool(String name, String key, String value) {
    if (value == null || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw fail(name, key, value, "must be true or false");
  }

  private static int number(String name, String key, String value, long fallback) {
    try {
      long parsed = value == null ? fallback : Long.parseLong(value.trim());
      return Math.toIntExact(parsed);
    } catch (NumberFormatException | ArithmeticException e) {
      throw fail(name, key, value, "must be a whole number");
    }
  }

  private static void checkVersion(String name, String version) {
    Optional<ApiVersion> parsed = ApiVersion.tryParse(version);
    if (parsed.isEmpty()) {
      throw fail(name, "api-version", version, "must look like 5.2");
    }
    if (!parsed.get().isSupported()) {
      throw fail(
          name,
          "api-version",
          version,
          "is not supported; supported are " + VersionChoice.SUPPORTED);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
