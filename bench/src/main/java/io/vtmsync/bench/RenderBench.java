package io.vtmsync.bench;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.MemberState;
import io.vtmsync.pool.PoolDiff;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.vtm.NodesTable;
import io.vtmsync.vtm.ServiceDiscoveryJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Measures the renderers and the diff on a planned pool of N members (every 20th draining); the
 * diff compares it with a next plan where 5 % of the members left, 5 % joined and 5 % drain.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class RenderBench {

  @Param({"10", "100", "1000"})
  public int members;

  private PoolPlan plan;
  private byte[] json;
  private List<Member> next;

  @Setup(Level.Trial)
  public void build() {
    List<Member> list = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      list.add(member(i, i % 20 == 19 ? MemberState.DRAINING : MemberState.ACTIVE));
    }
    plan = PoolPlan.of("shop-web-http", SyntheticCluster.LOCAL, Set.of(), list);
    json = ServiceDiscoveryJson.render(plan);
    int churn = Math.max(1, members / 20);
    List<Member> after = new ArrayList<>(plan.members().subList(churn, members));
    for (int i = 0; i < churn; i++) {
      after.set(i, member(churn + i, MemberState.DRAINING));
      after.add(member(members + i, MemberState.ACTIVE));
    }
    next = PoolPlan.of("shop-web-http", SyntheticCluster.LOCAL, Set.of(), after).members();
    PoolDiff diff = PoolDiff.between(plan.members(), next);
    if (diff.added().size() != churn || diff.removed().size() != churn) {
      throw new IllegalStateException("unexpected diff: " + diff);
    }
    if (ServiceDiscoveryJson.parse(json).members().size() != members) {
      throw new IllegalStateException("parse lost members");
    }
  }

  private static Member member(int i, MemberState state) {
    return new Member(SyntheticCluster.ip(10, i), 30080, state);
  }

  /** The Service Discovery plugin document (file sink, extra files). */
  @Benchmark
  public byte[] renderSdJson() {
    return ServiceDiscoveryJson.render(plan);
  }

  /** The REST pool PUT body with its nodes_table. */
  @Benchmark
  public byte[] renderNodesTable() {
    return NodesTable.render(plan.members());
  }

  /** Reading a plugin document back (the file sink compares with what is on disk). */
  @Benchmark
  public ServiceDiscoveryJson.Parsed parseSdJson() {
    return ServiceDiscoveryJson.parse(json);
  }

  /** What changed between two plans (the change log line, write-on-change). */
  @Benchmark
  public PoolDiff diff() {
    return PoolDiff.between(plan.members(), next);
  }
}
