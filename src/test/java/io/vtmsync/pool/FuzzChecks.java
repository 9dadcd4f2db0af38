package io.vtmsync.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Service;
import io.vtmsync.k8s.Exposure;
import io.vtmsync.k8s.KubeNames;
import io.vtmsync.vtm.NodesTable;
import io.vtmsync.vtm.ServiceDiscoveryJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * The properties every fuzzed plan and every registry pass must have, with the seed in messages.
 */
final class FuzzChecks {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FuzzChecks() {}

  /**
   * One Service's plans: an exposed Service gets plans or a reason (held, or a problem naming it),
   * each plan a well-formed pool name, members or a clear error, faithful rendering; a Service with
   * bad annotations is held, its plans named only as its settings name them.
   */
  static void plans(long seed, Service svc, Exposure exposure, ServicePlan planned) {
    String key = KubeNames.key(svc);
    String where = "seed " + seed + ", Service " + key;
    List<PoolPlan> plans = planned.pools();
    if (exposure instanceof Exposure.NotExposed) {
      assertThat(plans).as(where + ": not exposed, not planned").isEmpty();
      assertThat(planned.held()).as(where).isFalse();
    } else {
      assertThat(!plans.isEmpty() || planned.held() || !planned.problems().isEmpty())
          .as(where + ": exposed, so planned or a reason given")
          .isTrue();
    }
    if (planned.held()) {
      error(where + ", held", key, planned.heldBecause());
    }
    planned.problems().forEach(p -> error(where + ", problem", key, p));
    for (PoolPlan p : plans) {
      String at = where + ", pool '" + p.pool() + "'";
      assertThat(p.service()).as(at).isEqualTo(key);
      assertThat(PoolName.isValid(p.pool())).as(at + ": a valid pool name").isTrue();
      assertThat(p.code()).as(at).isIn(PoolPlan.OK, PoolPlan.EMPTY, PoolPlan.BAD_INPUT);
      if (exposure instanceof Exposure.Invalid invalid) {
        assertThat(planned.held()).as(at + ": bad annotations hold the Service").isTrue();
        assertThat(PoolPlanner.poolNames(svc, invalid.names()))
            .as(at + ": named only as its settings name it")
            .contains(p.pool());
        assertThat(p.code()).as(at).isEqualTo(PoolPlan.BAD_INPUT);
      }
      if (p.ok()) {
        members(at, p.members());
      } else {
        error(at, key, p.error());
      }
      rendering(at, p);
    }
  }

  private static void members(String at, List<Member> members) {
    assertThat(members).as(at + ": a 200 plan has members").isNotEmpty();
    for (int i = 0; i < members.size(); i++) {
      Member m = members.get(i);
      assertThat(IpOrder.isLiteral(m.ip())).as(at + ": IP literal " + m).isTrue();
      assertThat(m.ip()).as(at).matches("[0-9a-fA-F:.]+");
      assertThat(m.port()).as(at).isBetween(1, 65535);
      assertThat(m.state()).as(at).isIn(MemberState.ACTIVE, MemberState.DRAINING);
      if (i > 0) {
        assertThat(members.get(i - 1).compareTo(m))
            .as(at + ": sorted without duplicates: " + members.get(i - 1) + " then " + m)
            .isNegative();
      }
    }
  }

  /** Every error names the Service (hostport's names the offending pod as well). */
  private static void error(String at, String key, String error) {
    assertThat(error).as(at).isNotBlank();
    assertThat(error).as(at + ": error names the Service: " + error).contains("'" + key + "'");
  }

  private static void rendering(String at, PoolPlan p) {
    ServiceDiscoveryJson.Parsed back = ServiceDiscoveryJson.parse(ServiceDiscoveryJson.render(p));
    assertThat(back.code()).as(at).isEqualTo(p.code());
    assertThat(back.members()).as(at).isEqualTo(p.members());
    assertThat(back.error()).as(at).isEqualTo(p.error());
    try {
      assertThat(NodesTable.read(MAPPER.readTree(NodesTable.render(p.members()))))
          .as(at + ": nodes_table reads back")
          .isEqualTo(p.members());
    } catch (IOException e) {
      throw new UncheckedIOException(at + ": nodes_table is not JSON", e);
    }
  }

  /**
   * Claims every Service's plans twice (start, then a resync) in random orders, then deletes them
   * all: each pool ends with its first claimant in name order, conflicts are reported after the
   * resync whatever the order, and each pool is removed exactly once.
   */
  static void registry(long seed, Map<String, List<PoolPlan>> byService, Random rnd) {
    Map<String, TreeSet<String>> claimants = new HashMap<>();
    byService.forEach(
        (svc, plans) ->
            plans.forEach(p -> claimants.computeIfAbsent(p.pool(), k -> new TreeSet<>()).add(svc)));
    PoolRegistry r = new PoolRegistry();
    List<String> order = new ArrayList<>(byService.keySet());
    // Over both passes: an unchanged plan is not handed out again, so the owner's plan may have
    // gone out in the first pass only; what counts is that the last one out is the owner's.
    Map<String, String> lastWriter = new HashMap<>();
    for (int pass = 1; pass <= 2; pass++) {
      Collections.shuffle(order, rnd);
      String where = "seed " + seed + ", pass " + pass + ", order " + order;
      for (String svc : order) {
        for (PoolPlan p : r.claim(svc, byService.get(svc))) {
          assertThat(p.code()).as(where + ": nothing removed").isNotEqualTo(PoolPlan.REMOVED);
          lastWriter.put(p.pool(), p.service());
        }
      }
      claimants.forEach(
          (pool, who) -> assertThat(lastWriter).as(where).containsEntry(pool, who.first()));
    }
    String where = "seed " + seed + ", order " + order;
    claimants.forEach(
        (pool, who) ->
            assertThat(r.conflicts().containsKey(pool))
                .as(where + ": conflict on '" + pool + "' reported after a resync: " + who)
                .isEqualTo(who.size() > 1));
    Collections.shuffle(order, rnd);
    Map<String, Integer> removals = new HashMap<>();
    for (String svc : order) {
      for (PoolPlan p : r.claim(svc, List.of())) {
        assertThat(p.code()).as(where).isEqualTo(PoolPlan.REMOVED);
        assertThat(claimants.get(p.pool())).as(where).contains(p.service());
        assertThat(p.error()).as(where).contains("'" + p.pool() + "'", "'" + p.service() + "'");
        removals.merge(p.pool(), 1, Integer::sum);
      }
    }
    assertThat(removals.keySet()).as(where + ": every pool removed").isEqualTo(claimants.keySet());
    assertThat(removals.values()).as(where + ": each removed once").allMatch(n -> n == 1);
    assertThat(r.poolCount()).as(where).isZero();
    assertThat(r.conflicts()).as(where).isEmpty();
  }
}
