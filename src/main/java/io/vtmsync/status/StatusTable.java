package io.vtmsync.status;

import io.vtmsync.pool.PoolPlan;
import io.vtmsync.sink.SyncStatus;
import io.vtmsync.sink.SyncStatus.Entry;
import io.vtmsync.sink.SyncStatus.Planned;
import io.vtmsync.sink.WriteResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The status table as {@code /status.json} serves it and {@code vtm-k8s-sync status} prints it: one
 * row per pool, one cell per target, built from the {@link SyncStatus} at request time.
 */
public final class StatusTable {

  /** States in which a target holds what Kubernetes says (or what the removed-pool policy says). */
  public static final Set<String> CONVERGED = Set.of("synced", "removed", "kept");

  /**
   * A target: {@code file} or {@code vtm:<cluster>}.
   *
   * @param up for a vTM cluster, whether it answers (null for other targets)
   * @param problem why it does not, or null
   */
  public record Target(String name, Boolean up, String problem) {}

  /**
   * One target's view of one pool. {@code pending}: the plan has not reached the target yet. {@code
   * problem}: the newest result needs an operator's eye (held, failed, foreign, or an error
   * document written). Converged: a state of {@link #CONVERGED} with no problem, nothing a dry run
   * would change, on a target that answers. Counts are null when unknown; vTM alive/dead stay null
   * until member health is read back.
   */
  public record Cell(
      String state,
      boolean converged,
      boolean problem,
      boolean dryRun,
      Integer active,
      Integer draining,
      Integer vtmAlive,
      Integer vtmDead,
      String lastChange,
      Double lagMs,
      String lastError,
      String lastErrorAt,
      String at) {}

  /** One pool: its owner, its newest plan's member counts, and a cell per target it goes to. */
  public record Row(
      String pool,
      String service,
      String namespace,
      Integer plannedCode,
      Integer plannedActive,
      Integer plannedDraining,
      boolean converged,
      Map<String, Cell> cells) {}

  /**
   * The whole table; {@code notConverged} counts cells; {@code conflicts} are the registry's: pool
   * names claimed by two Services, member addresses published by two Kubernetes sources.
   */
  public record Table(
      String generatedAt,
      boolean leader,
      List<Target> targets,
      List<Row> pools,
      int cells,
      int notConverged,
      List<String> conflicts) {

    public Table(
        String generatedAt,
        boolean leader,
        List<Target> targets,
        List<Row> pools,
        int cells,
        int notConverged) {
      this(generatedAt, leader, targets, pools, cells, notConverged, List.of());
    }
  }

  private StatusTable() {}

  /** Builds the table; {@code targets} are the configured ones, in column order. */
  public static Table build(
      SyncStatus status, List<Target> targets, boolean leader, MemberHealth health, Instant now) {
    return build(status, targets, leader, health, now, List.of());
  }

  /** As above, with the registry's conflicts. */
  public static Table build(
      SyncStatus status,
      List<Target> targets,
      boolean leader,
      MemberHealth health,
      Instant now,
      List<String> conflicts) {
    Map<String, Map<String, Entry>> byPool = new TreeMap<>();
    List<Target> columns = new ArrayList<>(targets);
    status
        .entries()
        .forEach(
            (key, e) -> {
              String target = e.last().target();
              byPool.computeIfAbsent(e.last().pool(), p -> new LinkedHashMap<>()).put(target, e);
              if (columns.stream().noneMatch(t -> t.name().equals(target))) {
                columns.add(new Target(target, null, null)); // a sink added in YAML
              }
            });
    Map<String, Planned> plans = status.plans();
    plans.keySet().forEach(p -> byPool.computeIfAbsent(p, k -> new LinkedHashMap<>()));
    List<Row> rows = new ArrayList<>();
    int cells = 0;
    int notConverged = 0;
    for (var pool : byPool.entrySet()) {
      Row row = row(pool.getKey(), pool.getValue(), plans.get(pool.getKey()), columns, health);
      rows.add(row);
      cells += row.cells().size();
      notConverged += (int) row.cells().values().stream().filter(c -> !c.converged()).count();
    }
    return new Table(
        now.toString(), leader, columns, rows, cells, notConverged, List.copyOf(conflicts));
  }

  private static Row row(
      String pool,
      Map<String, Entry> entries,
      Planned plan,
      List<Target> targets,
      MemberHealth health) {
    Map<String, Cell> cells = new LinkedHashMap<>();
    for (Target t : targets) {
      Entry e = entries.get(t.name());
      if (e != null) {
        cells.put(t.name(), cell(e, t, health));
      } else if (plan != null && expects(t.name(), plan)) {
        cells.put(t.name(), pending());
      }
    }
    String service = plan != null ? plan.service() : service(entries);
    return new Row(
        pool,
        service,
        namespace(service),
        plan == null ? null : plan.code(),
        plan == null ? null : plan.members().active(),
        plan == null ? null : plan.members().draining(),
        cells.values().stream().allMatch(Cell::converged),
        cells);
  }

  /** The file sink takes every plan; a vTM cluster those its Service's annotation names. */
  private static boolean expects(String target, Planned plan) {
    if (target.equals("file")) {
      return true;
    }
    return target.startsWith("vtm:")
        && (plan.clusters().isEmpty() || plan.clusters().contains(target.substring(4)));
  }

  private static String service(Map<String, Entry> entries) {
    return entries.values().stream()
        .map(Entry::service)
        .filter(s -> s != null)
        .findFirst()
        .orElse(null);
  }

  private static Cell pending() {
    return new Cell(
        "pending", false, false, false, null, null, null, null, null, null, null, null, null);
  }

  private static Cell cell(Entry e, Target t, MemberHealth health) {
    WriteResult r = e.last();
    String state = SyncStatus.state(r.outcome());
    boolean differs =
        r.dryRun()
            && (r.outcome() == WriteResult.Outcome.WRITTEN
                || r.outcome() == WriteResult.Outcome.REMOVED);
    MemberHealth.Counts vtm =
        t.name().startsWith("vtm:") ? health.of(t.name().substring(4), r.pool()) : null;
    return new Cell(
        state,
        CONVERGED.contains(state) && !problem(r) && !differs && !Boolean.FALSE.equals(t.up()),
        problem(r),
        r.dryRun(),
        e.members() == null ? null : e.members().active(),
        e.members() == null ? null : e.members().draining(),
        vtm == null ? null : vtm.alive(),
        vtm == null ? null : vtm.dead(),
        text(e.lastChange()),
        e.lagNanos() < 0 ? null : Math.round(e.lagNanos() / 100_000.0) / 10.0,
        e.lastError(),
        text(e.lastErrorAt()),
        text(e.at()));
  }

  /**
   * The result needs an operator's eye, or the target still holds an error document (a plan with
   * the same error handed out again is UNCHANGED, but the pool serves nothing).
   */
  private static boolean problem(WriteResult r) {
    return r.problem()
        || r.outcome() == WriteResult.Outcome.UNCHANGED
            && r.code() != PoolPlan.OK
            && r.code() != PoolPlan.REMOVED;
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }

  /** The namespace part of a Service key ({@code [source:]namespace/name}), or "". */
  private static String namespace(String service) {
    String local = service == null ? "" : io.vtmsync.k8s.KubeNames.local(service);
    return local.indexOf('/') < 0 ? "" : local.substring(0, local.indexOf('/'));
  }
}
