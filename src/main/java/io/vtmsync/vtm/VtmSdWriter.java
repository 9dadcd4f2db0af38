package io.vtmsync.vtm;

import static java.util.concurrent.CompletableFuture.completedFuture;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.PoolDiff;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.pool.SafeWritePolicy;
import io.vtmsync.sink.WriteResult;
import io.vtmsync.sink.WriteResult.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Service Discovery over REST, for clusters with {@code vtm.<name>.service-discovery=true}: the
 * full file-mode setup done for the user without a shared volume. Each plan becomes the pool's
 * extra file (the plugin JSON), the plugin script is uploaded once, and the pool's {@code
 * service_discovery} section points vTM at them. The same ownership and fail-static rules apply as
 * for node tables.
 */
final class VtmSdWriter extends LaneWriter {

  private final int intervalSeconds;
  private final AtomicBoolean pluginUploaded = new AtomicBoolean();

  VtmSdWriter(
      VtmCluster cluster,
      SafeWritePolicy policy,
      RemovedPoolPolicy removedPolicy,
      boolean adoptExisting,
      int intervalSeconds,
      java.time.Duration verifyPeriod) {
    super(cluster, policy, removedPolicy, adoptExisting, verifyPeriod);
    this.intervalSeconds = intervalSeconds;
  }

  @Override
  protected void unreachable() {
    pluginUploaded.set(false); // it may come back as a rebuilt box: upload the plugin again
  }

  @Override
  CompletableFuture<Void> heartbeat(VtmApi api) {
    byte[] now = (Instant.now() + "\n").getBytes(StandardCharsets.UTF_8);
    return api.putFile("extra_files", SdPoolSetup.HEARTBEAT, now);
  }

  @Override
  protected CompletableFuture<WriteResult> apply(VtmApi api, PoolPlan plan, boolean readBack) {
    return api.version()
        .thenCompose(
            v ->
                v.compareTo(SdPoolSetup.MINIMUM) < 0
                    ? completedFuture(
                        result(
                            plan,
                            Outcome.FAILED,
                            null,
                            "service discovery needs REST API 5.2 (vTM 18.1) or later; this"
                                + " cluster offers "
                                + v))
                    : api.getPool(plan.pool())
                        .thenCompose(remote -> withPool(api, plan, remote, readBack)));
  }

  private CompletableFuture<WriteResult> withPool(
      VtmApi api, PoolPlan plan, Optional<RemotePool> remote, boolean readBack) {
    Optional<WriteResult> notOurs = foreign(plan, remote);
    if (notOurs.isPresent()) {
      return completedFuture(notOurs.get());
    }
    if (plan.removed()) {
      verified.forget(plan.pool());
    }
    if (plan.removed() && (remote.isEmpty() || removedPolicy == RemovedPoolPolicy.KEEP)) {
      Outcome o = remote.isEmpty() ? Outcome.UNCHANGED : Outcome.KEPT;
      return completedFuture(result(plan, o, null, plan.error()));
    }
    if (plan.removed() && removedPolicy == RemovedPoolPolicy.DELETE) {
      return api.deletePool(plan.pool())
          .thenApply(x -> result(plan, Outcome.REMOVED, null, "deleted: " + plan.error()));
    }
    return api.getFile("extra_files", file(plan))
        .thenCompose(current -> withFile(api, plan, remote, current.orElse(null), readBack));
  }

  private CompletableFuture<WriteResult> withFile(
      VtmApi api, PoolPlan plan, Optional<RemotePool> remote, byte[] current, boolean readBack) {
    List<Member> currentMembers = members(current);
    PoolPlan effective =
        plan.removed() ? RemovedPlans.apply(removedPolicy, plan, currentMembers) : plan;
    SafeWritePolicy.Decision d = policy.decide(currentMembers, effective);
    if (d != SafeWritePolicy.Decision.WRITE) {
      Outcome o =
          d == SafeWritePolicy.Decision.HOLD_EMPTY ? Outcome.HELD_EMPTY : Outcome.HELD_ERROR;
      WriteResult held = result(plan, o, null, plan.error());
      return completedFuture(current == null ? held.asAbsent() : held);
    }
    byte[] next = ServiceDiscoveryJson.render(effective);
    boolean fileChanged = current == null || !Arrays.equals(current, next);
    if (readBack && fileChanged && !mayRepair(plan)) {
      return completedFuture(null); // a newer plan is being written: it wins
    }
    return ensurePlugin(api)
        // The file first: the plugin must find it once the pool points at it.
        .thenCompose(x -> fileChanged ? api.putFile("extra_files", file(plan), next) : done())
        .thenCompose(x -> ensurePool(api, plan, remote))
        .thenApply(
            poolChanged -> {
              if (!plan.removed() && !cluster.dryRun()) {
                acknowledge(plan, effective.members(), readBack); // the verifier re-checks it
              }
              if (!fileChanged && !poolChanged) {
                return result(plan, Outcome.UNCHANGED, null, null);
              }
              List<Member> before = currentMembers == null ? List.of() : currentMembers;
              return result(
                  effective,
                  plan.removed() ? Outcome.REMOVED : Outcome.WRITTEN,
                  PoolDiff.between(before, ServiceDiscoveryJson.carried(effective.members())),
                  remote.isEmpty() ? "created" : effective.error());
            });
  }

  private CompletableFuture<Boolean> ensurePool(
      VtmApi api, PoolPlan plan, Optional<RemotePool> remote) {
    var wanted = SdPoolSetup.section(plan.pool(), intervalSeconds);
    if (remote.isPresent() && SdPoolSetup.matches(remote.get().raw(), wanted)) {
      return completedFuture(false);
    }
    String note = remote.isEmpty() ? ManagedNote.text(plan.service()) : null;
    return api.putPoolRaw(plan.pool(), SdPoolSetup.body(wanted, note)).thenApply(x -> true);
  }

  private CompletableFuture<Void> ensurePlugin(VtmApi api) {
    if (pluginUploaded.get()) {
      return done();
    }
    byte[] script = SdPoolSetup.pluginScript();
    return api.getFile("servicediscovery", SdPoolSetup.PLUGIN)
        .thenCompose(
            there ->
                there.isPresent() && Arrays.equals(there.get(), script)
                    ? done()
                    : api.putFile("servicediscovery", SdPoolSetup.PLUGIN, script))
        .thenCompose(x -> heartbeat(api))
        .thenRun(() -> pluginUploaded.set(true));
  }

  private static String file(PoolPlan plan) {
    return plan.pool() + ".json";
  }

  private static CompletableFuture<Void> done() {
    return completedFuture(null);
  }

  /** The members an extra file holds, or null for none to protect (missing, damaged, an error). */
  private static List<Member> members(byte[] doc) {
    if (doc == null) {
      return null;
    }
    try {
      ServiceDiscoveryJson.Parsed parsed = ServiceDiscoveryJson.parse(doc);
      return parsed.backends() ? parsed.members() : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
