package io.vtmsync.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.vtmsync.pool.FuzzNames;
import io.vtmsync.pool.Member;
import io.vtmsync.pool.MemberState;
import io.vtmsync.pool.PoolName;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.pool.SafeWritePolicy;
import io.vtmsync.pool.SafeWritePolicy.Decision;
import io.vtmsync.pool.SafeWritePolicy.EmptyPool;
import io.vtmsync.vtm.ServiceDiscoveryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 5, bad input fuzzing of the file sink: random plans under hostile and valid pool names.
 * Only {@code <valid name>.json} files ever appear, only inside the sink directory, and each holds
 * what {@link SafeWritePolicy} says the last plans call for.
 */
class FuzzFileSinkTest {

  private static final long SEED = 20_250_505L;
  private static final int ROUNDS = 1_000;

  @TempDir Path parent;

  @ParameterizedTest(name = "empty pool {0}, delete removed {1}")
  @CsvSource({"HOLD, false", "APPLY, true"})
  void hostile_names_never_leave_the_directory_and_each_file_holds_what_the_policy_says(
      EmptyPool emptyPool, boolean deleteRemoved) throws Exception {
    Path dir = Files.createDirectory(parent.resolve("pools"));
    SafeWritePolicy policy = new SafeWritePolicy(emptyPool);
    FileSink sink = new FileSink(dir, policy, deleteRemoved);
    Random rnd = new Random(SEED);
    FuzzNames in = new FuzzNames(rnd);
    List<String> names = validNames(in);
    Map<String, byte[]> expected = new HashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      String name = rnd.nextInt(10) < 6 ? names.get(rnd.nextInt(names.size())) : in.poolName();
      PoolPlan plan = plan(name, rnd);
      String where = "seed " + SEED + ", round " + round + ", pool '" + name + "'";
      try {
        WriteResult result = sink.write(plan);
        assertThat(PoolName.isValid(name)).as(where + ": written under an invalid name").isTrue();
        byte[] now = expected.get(name);
        Decision d = policy.decide(now == null ? null : parse(now), plan);
        assertThat(result.outcome()).as(where).isEqualTo(outcome(d, plan, now, deleteRemoved));
        if (d == Decision.WRITE && plan.removed() && deleteRemoved) {
          expected.remove(name);
        } else if (d == Decision.WRITE) {
          expected.put(name, render(plan));
        }
      } catch (IllegalArgumentException e) {
        assertThat(PoolName.isValid(name)).as(where + ": refused a valid name: " + e).isFalse();
        assertThat(e.getMessage()).as(where).contains("invalid pool name");
      } catch (Exception e) {
        fail(where + ": " + e, e);
      }
    }
    try (Stream<Path> all = Files.walk(parent)) {
      assertThat(all.map(p -> parent.relativize(p).toString()).filter(p -> !p.isEmpty()))
          .as("seed %d: nothing outside the sink directory, no temp files", SEED)
          .containsExactlyInAnyOrderElementsOf(
              Stream.concat(
                      Stream.of("pools"),
                      expected.keySet().stream().map(n -> "pools/" + n + ".json"))
                  .toList());
    }
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      assertThat(Files.readAllBytes(dir.resolve(e.getKey() + ".json")))
          .as("seed %d, pool '%s'", SEED, e.getKey())
          .isEqualTo(e.getValue());
    }
    assertThat(expected).as("the sequences reach files").hasSizeGreaterThan(10);
  }

  /** Valid names, distinct even on a case-insensitive file system, some at the edges. */
  private static List<String> validNames(FuzzNames in) {
    Set<String> lower = new TreeSet<>();
    List<String> out = new ArrayList<>();
    List<String> edges = List.of("a", "a.", "_", "0", "CON", "nul", "web.json", "x".repeat(200));
    for (String n :
        Stream.concat(edges.stream(), Stream.generate(in::poolName).limit(80)).toList()) {
      if (PoolName.isValid(n) && lower.add(n.toLowerCase(Locale.ROOT))) {
        out.add(n);
      }
    }
    return out;
  }

  private static PoolPlan plan(String name, Random rnd) {
    int code = List.of(200, 200, 200, 204, 400, 404, 409, 500).get(rnd.nextInt(8));
    if (code != PoolPlan.OK) {
      String error =
          List.of("no ready endpoints", "bad \"value\"\n\u0000<x>", "пул ✓", "e".repeat(5_000))
              .get(rnd.nextInt(4));
      return PoolPlan.failed(name, "ns/svc", Set.of(), code, error);
    }
    List<Member> members = new ArrayList<>();
    int n = rnd.nextInt(6);
    for (int i = 0; i < n; i++) {
      String ip =
          rnd.nextBoolean()
              ? "10.0." + rnd.nextInt(3) + "." + rnd.nextInt(256)
              : "fd00::" + Integer.toHexString(rnd.nextInt(65536));
      MemberState state = MemberState.values()[rnd.nextInt(MemberState.values().length)];
      members.add(new Member(ip, 1 + rnd.nextInt(65535), state));
    }
    return PoolPlan.of(name, "ns/svc", Set.of(), members);
  }

  /** What the sink protects in a file: its members, or null for an error document. */
  private static List<Member> parse(byte[] file) {
    ServiceDiscoveryJson.Parsed doc = ServiceDiscoveryJson.parse(file);
    return doc.backends() ? doc.members() : null;
  }

  /** The document the sink writes: the plan, with our ownership mark. */
  private static byte[] render(PoolPlan plan) {
    return ServiceDiscoveryJson.render(plan, io.vtmsync.vtm.ManagedNote.fileMark(plan.service()));
  }

  /** The outcome the sink must report, from the policy's decision and what the file holds. */
  private static WriteResult.Outcome outcome(
      Decision d, PoolPlan plan, byte[] now, boolean deleteRemoved) {
    return switch (d) {
      case HOLD_EMPTY -> WriteResult.Outcome.HELD_EMPTY;
      case HOLD_ERROR -> WriteResult.Outcome.HELD_ERROR;
      case WRITE -> {
        boolean same =
            plan.removed() && deleteRemoved ? now == null : Arrays.equals(render(plan), now);
        if (same) {
          yield WriteResult.Outcome.UNCHANGED;
        }
        yield plan.removed() ? WriteResult.Outcome.REMOVED : WriteResult.Outcome.WRITTEN;
      }
    };
  }
}
