package io.vtmsync.status;

import io.vtmsync.sink.SyncStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bean behind routes/status.camel.yaml: the status table as data for {@code /status.json}, and
 * the self-contained page for {@code /status} with the Content-Security-Policy that lets only its
 * own inline script and style run.
 */
public final class StatusPage {

  private static final String RESOURCE = "/status/status.html";

  private final SyncStatus status;
  private final Supplier<List<StatusTable.Target>> targets;
  private final BooleanSupplier leader;
  private final Supplier<MemberHealth> health;
  private final Supplier<List<String>> conflicts;
  private final String html;
  private final String policy;

  /**
   * @param targets the configured targets in column order, with each vTM cluster's state now
   * @param health vTM's member health where it is read back (issue 12, item 2), else {@link
   *     MemberHealth#NONE}
   */
  public StatusPage(
      SyncStatus status,
      Supplier<List<StatusTable.Target>> targets,
      BooleanSupplier leader,
      Supplier<MemberHealth> health) {
    this(status, targets, leader, health, List::of);
  }

  /**
   * @param conflicts the registry's conflicts now (pool names, member addresses)
   */
  public StatusPage(
      SyncStatus status,
      Supplier<List<StatusTable.Target>> targets,
      BooleanSupplier leader,
      Supplier<MemberHealth> health,
      Supplier<List<String>> conflicts) {
    this.conflicts = conflicts;
    this.status = status;
    this.targets = targets;
    this.leader = leader;
    this.health = health;
    this.html = load();
    this.policy = contentPolicy(html);
  }

  /** The table now (marshalled to JSON by the route). */
  public StatusTable.Table table() {
    return StatusTable.build(
        status, targets.get(), leader.getAsBoolean(), health.get(), Instant.now(), conflicts.get());
  }

  /** The page: static HTML whose script fetches status.json and renders it as text nodes. */
  public String html() {
    return html;
  }

  /**
   * Nothing from elsewhere and nothing injected: the page's one script and one style by hash, its
   * data from its own origin, no frames, forms, images or plugins.
   */
  public String policy() {
    return policy;
  }

  private static String load() {
    try (InputStream in = StatusPage.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Not an overload of policy(): Camel's bean binding would pick it and pass the body.
  static String contentPolicy(String html) {
    return "default-src 'none'; script-src "
        + hash(html, "script")
        + "; style-src "
        + hash(html, "style")
        + "; connect-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none';"
        + " frame-ancestors 'none'";
  }

  /** The CSP source of the page's one inline element of that kind: its SHA-256, base64. */
  private static String hash(String html, String tag) {
    Matcher m = Pattern.compile("<" + tag + ">(.*?)</" + tag + ">", Pattern.DOTALL).matcher(html);
    if (!m.find()) {
      throw new IllegalStateException(RESOURCE + " has no <" + tag + "> element");
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
