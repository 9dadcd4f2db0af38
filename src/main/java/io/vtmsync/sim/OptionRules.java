package io.vtmsync.sim;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/** Validation and defaults for {@link VtmSimulator.Options}. */
final class OptionRules {
  // The name ends up in a certificate CN and a file name, so keep it plain.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private OptionRules() {}

  static void check(
      String name, String username, String password, List<String> apiVersions, int port) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name must match " + NAME + ": " + name);
    }
    if (username == null || username.isEmpty() || username.contains(":") || password == null) {
      throw new IllegalArgumentException("username (without ':') and password are required");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be within 0-65535: " + port);
    }
    ApiVersion.parseAll(apiVersions);
  }

  static String randomPassword() {
    byte[] random = new byte[8];
    RANDOM.nextBytes(random);
    return "sim-" + HexFormat.of().formatHex(random);
  }
}
