package io.vtmsync.vtm;

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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Service Discovery over REST, for clusters with {@code vtm.<name>.service-discovery=true}: the
 * full file-mode setup done for the user without a shared volume. Each plan becomes the pool's
 * extra file (the plugin JSON), the plugin script is uploaded once, and the pool's {@code
 * service_discovery} section points vTM at them. The same ownership and fail-static rules apply as
 * for node tables.
 */
public final class VtmSdWriter extends LaneWriter {

  private final int intervalSeconds;
  private final AtomicBoolean pluginUploaded = new AtomicBoolean();

  public VtmSdWriter(
      VtmClient client,
      SafeWritePolicy policy,
      RemovedPoolPolicy removedPolicy,
      boolean adoptExisting,
      int intervalSeconds) {
    super(client, policy, removedPolicy, adoptExisting);
    this.intervalSeconds = intervalSeconds;
  }

  @Override
  protected void unreachable() {
    pluginUploaded.set(false); // it may come back as a rebuilt box: upload the plugin again
  }

  @Override
  public void heartbeat() {
    client.putFile(
        "extra_files",
        SdPoolSetup.HEARTBEAT,
        (Instant.now() + "\n").getBytes(StandardCharsets.UTF_8));
  }

  @Override
  protected WriteResult apply(PoolPlan plan) {
    if (client.negotiate().compareTo(SdPoolSetup.MINIMUM) < 0) {
      return result(
          plan,
          Outcome.FAILED,
          null,
          "service discovery needs REST API 5.2 (vTM 18.1) or later; this cluster offers "
              + client.negotiate());
    }
    Optional<RemotePool> remote = client.getPool(plan.pool());
    Optional<WriteResult> notOurs = foreign(plan, remote);
    if (notOurs.isPresent()) {
      return notOurs.get();
    }
    if (plan.removed() && (remote.isEmpty() || removedPolicy == RemovedPoolPolicy.KEEP)) {
      return result(plan, remote.isEmpty() ? Outcome.UNCHANGED : Outcome.KEPT, null, plan.error());
    }
    if (plan.removed() && removedPolicy == RemovedPoolPolicy.DELETE) {
      client.deletePool(plan.pool());
      return result(plan, Outcome.REMOVED, null, "deleted: " + plan.error());
    }
    String file = plan.pool() + ".json";
    byte[] current = client.getFile("extra_files", file).orElse(null);
    List<Member> currentMembers = members(current);
    PoolPlan effective =
        plan.removed() ? RemovedPlans.apply(removedPolicy, plan, currentMembers) : plan;
    SafeWritePolicy.Decision d = policy.decide(currentMembers, effective);
    if (d != SafeWritePolicy.Decision.WRITE) {
      return result(
          plan,
          d == SafeWritePolicy.Decision.HOLD_EMPTY ? Outcome.HELD_EMPTY : Outcome.HELD_ERROR,
          null,
          plan.error());
    }
    ensurePlugin();
    byte[] next = io.vtmsync.vtm.ServiceDiscoveryJson.render(effective);
    boolean fileChanged = current == null || !Arrays.equals(current, next);
    if (fileChanged) {
      client.putFile("extra_files", file, next); // the file first: the plugin must find it
    }
    boolean poolChanged = ensurePool(plan, remote);
    if (!fileChanged && !poolChanged) {
      return result(plan, Outcome.UNCHANGED, null, null);
    }
    Outcome o = plan.removed() ? Outcome.REMOVED : Outcome.WRITTEN;
    return result(
        effective,
        o,
        PoolDiff.between(currentMembers == null ? List.of() : currentMembers, effective.members()),
        remote.isEmpty() ? "created" : effective.error());
  }

  private boolean ensurePool(PoolPlan plan, Optional<RemotePool> remote) {
    var wanted = SdPoolSetup.section(plan.pool(), intervalSeconds);
    if (remote.isPresent() && SdPoolSetup.matches(remote.get().raw(), wanted)) {
      return false;
    }
    client.putPoolRaw(
        plan.pool(),
        SdPoolSetup.body(wanted, remote.isEmpty() ? ManagedNote.text(plan.service()) : null));
    return true;
  }

  private void ensurePlugin() {
    if (pluginUploaded.get()) {
      return;
    }
    byte[] script = SdPoolSetup.pluginScript();
    Optional<byte[]> there = client.getFile("servicediscovery", SdPoolSetup.PLUGIN);
    if (there.isEmpty() || !Arrays.equals(there.get(), script)) {
      client.putFile("servicediscovery", SdPoolSetup.PLUGIN, script);
    }
    heartbeat();
    pluginUploaded.set(true);
  }

  private static List<Member> members(byte[] doc) {
    if (doc == null) {
      return null;
    }
    try {
      return io.vtmsync.vtm.ServiceDiscoveryJson.parse(doc).members();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
