package io.vtmsync.sim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** Checks an HTTP Basic Authorization header against the simulator's single admin user. */
final class BasicAuth {
  private final byte[] expected;

  BasicAuth(String username, String password) {
    this.expected = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
  }

  boolean accepts(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    try {
      byte[] given = Base64.getDecoder().decode(header.substring(6).trim());
      // Constant-time comparison, as a real server would do.
      return MessageDigest.isEqual(given, expected);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
