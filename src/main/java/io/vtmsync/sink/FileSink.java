package io.vtmsync.sink;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.PoolDiff;
import io.vtmsync.pool.PoolName;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.pool.PublishedPools;
import io.vtmsync.pool.SafeWritePolicy;
import io.vtmsync.vtm.ManagedNote;
import io.vtmsync.vtm.ServiceDiscoveryJson;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Writes one {@code <pool>.json} Service Discovery document per pool into a directory (a vTM Extra
 * Files folder or a shared volume), atomically (temp file, fsync, rename: a reader never sees half
 * a file), and only when the content changes. A removed pool gets a code-404 document, or its file
 * deleted when so configured. The heartbeat file tells the plugin that the writer is alive.
 */
public final class FileSink {

  public static final String HEARTBEAT = ".vtm-k8s-sync.heartbeat";

  /**
   * The heartbeat's marker for the plugin: it holds {@link #MARKER_AHEAD} in seconds and is dated
   * that long after the heartbeat, so "the marker is dated in the future" means "the heartbeat is
   * younger than that". Longer than the heartbeat period (15 s by default), shorter than the
   * plugin's --max-age (300 s by default); outside that the plugin checks the age exactly.
   */
  public static final String HEARTBEAT_MARKER = HEARTBEAT + ".until";

  static final Duration MARKER_AHEAD = Duration.ofSeconds(60);

  private final Path dir;
  private final SafeWritePolicy policy;
  private final boolean deleteRemoved;
  private volatile boolean dryRun;

  /** What this process last wrote (or found equal) per pool: the sweep repairs drift from it. */
  private record Written(byte[] bytes, long size, java.nio.file.attribute.FileTime modified) {}

  private final java.util.Map<String, Written> written =
      new java.util.concurrent.ConcurrentHashMap<>();

  public FileSink(Path dir, SafeWritePolicy policy, boolean deleteRemoved) {
    this.dir = dir.toAbsolutePath().normalize();
    this.policy = policy;
    this.deleteRemoved = deleteRemoved;
  }

  /** Dry-run: plans and diffs as usual, but nothing is written or deleted. */
  public void dryRun(boolean on) {
    this.dryRun = on;
  }

  public Path directory() {
    return dir;
  }

  public WriteResult write(PoolPlan plan) throws IOException {
    Path file = fileFor(plan.pool());
    byte[] current = Files.exists(file) ? Files.readAllBytes(file) : null;
    List<Member> currentMembers = members(current);
    SafeWritePolicy.Decision decision = policy.decide(currentMembers, plan);
    if (decision != SafeWritePolicy.Decision.WRITE) {
      WriteResult.Outcome o =
          decision == SafeWritePolicy.Decision.HOLD_EMPTY
              ? WriteResult.Outcome.HELD_EMPTY
              : WriteResult.Outcome.HELD_ERROR;
      return result(plan, o, PoolDiff.between(List.of(), List.of()));
    }
    if (plan.removed() && deleteRemoved) {
      written.remove(plan.pool());
      boolean existed = dryRun ? Files.exists(file) : Files.deleteIfExists(file);
      return result(
          plan, existed ? WriteResult.Outcome.REMOVED : WriteResult.Outcome.UNCHANGED, null);
    }
    byte[] next = ServiceDiscoveryJson.render(plan, ManagedNote.fileMark(plan.service()));
    if (current != null && Arrays.equals(current, next)) {
      remember(plan.pool(), file, next);
      return result(plan, WriteResult.Outcome.UNCHANGED, null);
    }
    if (!dryRun) {
      atomicWrite(file, next);
      remember(plan.pool(), file, next);
    }
    PoolDiff diff =
        PoolDiff.between(
            currentMembers == null ? List.of() : currentMembers,
            ServiceDiscoveryJson.carried(plan.members()));
    return result(
        plan, plan.removed() ? WriteResult.Outcome.REMOVED : WriteResult.Outcome.WRITTEN, diff);
  }

  /**
   * Touches the heartbeat file (by rewriting it with the time) so the plugin sees we are alive;
   * then its marker, dated {@link #MARKER_AHEAD} after the heartbeat, which lets the plugin check
   * the age with {@code test -nt} instead of two processes (plugin/README.md, "How the age is
   * checked").
   */
  public void heartbeat() throws IOException {
    if (dryRun) {
      return;
    }
    Path hb = dir.resolve(HEARTBEAT);
    atomicWrite(hb, (Instant.now() + "\n").getBytes());
    Path marker = dir.resolve(HEARTBEAT_MARKER);
    atomicWrite(marker, (MARKER_AHEAD.toSeconds() + "\n").getBytes());
    Instant ahead = Files.getLastModifiedTime(hb).toInstant().plus(MARKER_AHEAD);
    Files.setLastModifiedTime(marker, FileTime.from(ahead));
  }

  /**
   * The sweep's drift repair: every pool file this process wrote, gone or changed behind its back
   * (size or modification time no longer what it left), is written again as it was. A resync does
   * not resend unchanged plans, so this is what brings a deleted or edited file back.
   */
  public List<WriteResult> repairs() throws IOException {
    List<WriteResult> out = new java.util.ArrayList<>();
    for (var e : written.entrySet()) {
      Path file = fileFor(e.getKey());
      Written w = e.getValue();
      if (dryRun || same(file, w)) {
        continue;
      }
      atomicWrite(file, w.bytes());
      remember(e.getKey(), file, w.bytes());
      ServiceDiscoveryJson.Parsed doc = ServiceDiscoveryJson.parse(w.bytes());
      out.add(
          new WriteResult(
              "file",
              e.getKey(),
              WriteResult.Outcome.WRITTEN,
              doc.code(),
              PoolDiff.between(List.of(), List.of()),
              "repaired: the file was changed or deleted outside vtm-k8s-sync"));
    }
    return out;
  }

  private static boolean same(Path file, Written w) throws IOException {
    if (!Files.exists(file)) {
      return false;
    }
    return Files.size(file) == w.size() && Files.getLastModifiedTime(file).equals(w.modified());
  }

  private void remember(String pool, Path file, byte[] bytes) {
    try {
      written.put(pool, new Written(bytes, Files.size(file), Files.getLastModifiedTime(file)));
    } catch (IOException e) {
      written.remove(pool); // gone again already: nothing to compare against
    }
  }

  /** The pool's file; refuses any name that could leave the directory. */
  public Path fileFor(String pool) {
    Path file = dir.resolve(PoolName.require(pool) + ".json").normalize();
    if (!dir.equals(file.getParent())) {
      throw new IllegalArgumentException("pool file would leave " + dir + ": " + pool);
    }
    return file;
  }

  /**
   * The members a file holds, or null when it holds none to protect: no file, a damaged one, or an
   * error document (which a newer error may replace).
   */
  private static List<Member> members(byte[] content) {
    if (content == null) {
      return null;
    }
    try {
      ServiceDiscoveryJson.Parsed doc = ServiceDiscoveryJson.parse(content);
      return doc.backends() ? doc.members() : null;
    } catch (IllegalArgumentException e) {
      return null; // not ours or damaged: overwrite it with the plan
    }
  }

  /**
   * The sweep of this directory: the removals due for pool files we wrote (their mark names a
   * Service) that no Service publishes any more. Lists the directory once and reads back only files
   * whose name is not published; a file without our mark is never touched.
   */
  public List<PoolPlan> orphans(PublishedPools published) throws IOException {
    List<PoolPlan> out = new java.util.ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        String pool = name.endsWith(".json") ? name.substring(0, name.length() - 5) : "";
        if (!PoolName.isValid(pool) || published.pools().contains(pool)) {
          continue;
        }
        owner(f)
            .filter(owner -> published.orphaned(pool, owner))
            .ifPresent(owner -> out.add(published.removal(pool, owner, java.util.Set.of())));
      }
    }
    return out;
  }

  /** The Service our mark in a pool file names, if the file is ours. */
  private static java.util.Optional<String> owner(Path file) {
    try {
      return ManagedNote.owner(ServiceDiscoveryJson.parse(Files.readAllBytes(file)).info());
    } catch (IOException | IllegalArgumentException e) {
      return java.util.Optional.empty(); // unreadable or not a document: not ours to touch
    }
  }

  private void atomicWrite(Path file, byte[] content) throws IOException {
    Files.createDirectories(dir);
    Path tmp = dir.resolve("." + file.getFileName() + ".tmp-" + UUID.randomUUID());
    try {
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(content));
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
  }

  private WriteResult result(PoolPlan plan, WriteResult.Outcome outcome, PoolDiff diff) {
    return new WriteResult(
            "file",
            plan.pool(),
            outcome,
            plan.code(),
            diff == null ? PoolDiff.between(List.of(), List.of()) : diff,
            plan.error() == null ? plan.members().size() + " members" : plan.error())
        .triggeredAt(plan.triggeredAtNanos())
        .asDryRun(dryRun)
        .forService(plan.service());
  }
}
