package io.vtmsync.pool;

import java.util.Random;

/**
 * Names and addresses for the fuzz tests: pool names that are valid, known to be hostile, or built
 * from a hostile alphabet ({@code /}, {@code \\}, {@code ..}, NUL, newline, {@code %2F}, unicode,
 * very long), and node or endpoint addresses that are not IP literals.
 */
public final class FuzzNames {

  /** Not IP literals, or not in the form vTM wants: each must be left out, never resolved. */
  static final String[] BAD_ADDRESSES = {
    "not-an-ip",
    "10.0.0.256",
    "",
    "1.2.3",
    "::ffff:10.0.0.1",
    "0x0A000001",
    "2001:db8::1/64",
    "[fd00::1]",
    " 10.0.0.1",
    "10.0.0.1\n",
    "fe80::1%eth0",
    "web.example.com",
    ".1::",
    "::",
    null
  };

  private static final String VALID_CHARS = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789._-";
  private static final String[] HOSTILE_NAMES = {
    "a/b",
    "../x",
    "..",
    ".",
    "x\\y",
    ".hidden",
    "-flag",
    "a..b",
    "a%2Fb",
    "%2e%2e",
    "x\u0000y",
    "line\nbreak",
    "tab\tx",
    "with space",
    "ünïcödé",
    "пул",
    "日本",
    "",
    "/etc/passwd",
    "C:\\x",
    "~",
    "a/../../b",
    "x.json/",
  };
  private static final String[] HOSTILE_PARTS = {
    "/", "\\", "..", ".", "\u0000", "\n", "%2F", "é", "\u202e", " ", "a", "Z", "9", "-", "_"
  };

  private final Random rnd;

  public FuzzNames(Random rnd) {
    this.rnd = rnd;
  }

  /** A valid pool name (half the time), a known hostile one, or one from a hostile alphabet. */
  public String poolName() {
    StringBuilder sb = new StringBuilder();
    if (chance(0.5)) {
      sb.append(pick("p", "P", "0", "_"));
      int len = chance(0.1) ? 199 : rnd.nextInt(12);
      for (int i = 0; i < len; i++) {
        sb.append(VALID_CHARS.charAt(rnd.nextInt(VALID_CHARS.length())));
      }
      return sb.toString().replace("..", "._");
    }
    if (chance(0.5)) {
      return chance(0.1) ? pick("a".repeat(201), "b".repeat(300)) : pick(HOSTILE_NAMES);
    }
    for (int i = chance(0.05) ? 300 : 1 + rnd.nextInt(8); i > 0; i--) {
      sb.append(pick(HOSTILE_PARTS));
    }
    return sb.toString();
  }

  private boolean chance(double p) {
    return rnd.nextDouble() < p;
  }

  private String pick(String... values) {
    return values[rnd.nextInt(values.length)];
  }
}
