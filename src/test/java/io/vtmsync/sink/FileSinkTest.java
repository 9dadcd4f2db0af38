package io.vtmsync.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vtmsync.pool.Member;
import io.vtmsync.pool.PoolPlan;
import io.vtmsync.pool.PublishedPools;
import io.vtmsync.pool.SafeWritePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {

  @TempDir Path dir;

  private FileSink sink(boolean deleteRemoved) {
    return new FileSink(dir, new SafeWritePolicy(SafeWritePolicy.EmptyPool.HOLD), deleteRemoved);
  }

  private static PoolPlan plan(String... ips) {
    return PoolPlan.of(
        "web", "ns/web", Set.of(), Stream.of(ips).map(ip -> Member.active(ip, 30080)).toList());
  }

  @Test
  void writes_the_pool_file_and_reports_the_members_added() throws Exception {
    WriteResult r = sink(false).write(plan("10.0.0.1", "10.0.0.2"));
    assertThat(r.outcome()).isEqualTo(WriteResult.Outcome.WRITTEN);
    assertThat(r.toString()).isEqualTo("file pool=web updated +10.0.0.1:30080 +10.0.0.2:30080");
    assertThat(Files.readString(dir.resolve("web.json"))).contains("\"ip\":\"10.0.0.2\"");
  }

  @Test
  void an_unchanged_plan_does_not_touch_the_file() throws Exception {
    FileSink s = sink(false);
    s.write(plan("10.0.0.1"));
    FileTime old = FileTime.fromMillis(1_000_000);
    Files.setLastModifiedTime(dir.resolve("web.json"), old);
    assertThat(s.write(plan("10.0.0.1")).outcome()).isEqualTo(WriteResult.Outcome.UNCHANGED);
    assertThat(Files.getLastModifiedTime(dir.resolve("web.json"))).isEqualTo(old);
  }

  @Test
  void leaves_no_temporary_files_behind() throws Exception {
    FileSink s = sink(false);
    for (int i = 1; i <= 20; i++) {
      s.write(plan("10.0.0." + i));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("web.json");
    }
  }

  @Test
  void an_empty_plan_holds_the_last_members_and_says_so() throws Exception {
    FileSink s = sink(false);
    s.write(plan("10.0.0.1"));
    WriteResult r = s.write(PoolPlan.failed("web", "ns/web", Set.of(), 204, "no ready endpoints"));
    assertThat(r.outcome()).isEqualTo(WriteResult.Outcome.HELD_EMPTY);
    assertThat(r.toString()).contains("HELD last members");
    assertThat(Files.readString(dir.resolve("web.json"))).contains("10.0.0.1");
  }

  @Test
  void an_error_plan_never_replaces_good_members() throws Exception {
    FileSink s = sink(false);
    s.write(plan("10.0.0.1"));
    WriteResult r = s.write(PoolPlan.failed("web", "ns/web", Set.of(), 400, "bad annotation"));
    assertThat(r.outcome()).isEqualTo(WriteResult.Outcome.HELD_ERROR);
    assertThat(Files.readString(dir.resolve("web.json"))).contains("10.0.0.1");
  }

  @Test
  void a_removed_pool_gets_a_404_document_or_is_deleted_when_configured() throws Exception {
    PoolPlan gone = PoolPlan.failed("web", "ns/web", Set.of(), 404, "Service gone");
    FileSink keep = sink(false);
    keep.write(plan("10.0.0.1"));
    assertThat(keep.write(gone).outcome()).isEqualTo(WriteResult.Outcome.REMOVED);
    assertThat(Files.readString(dir.resolve("web.json")))
        .isEqualTo(
            "{\"version\":1,\"code\":404,\"error\":\"Service gone\","
                + "\"info\":\"managed by vtm-k8s-sync from Kubernetes Service ns/web\"}");
    FileSink delete = sink(true);
    delete.write(plan("10.0.0.1"));
    assertThat(delete.write(gone).outcome()).isEqualTo(WriteResult.Outcome.REMOVED);
    assertThat(dir.resolve("web.json")).doesNotExist();
  }

  @Test
  void no_pool_name_can_write_outside_the_directory() {
    FileSink s = sink(false);
    for (String name : List.of("../evil", "a/b", "..", "/etc/passwd", ".hidden")) {
      assertThatThrownBy(() -> s.write(PoolPlan.of(name, "ns/x", Set.of(), List.of())))
          .hasMessageContaining("invalid pool name");
    }
    assertThat(dir.getParent().resolve("evil.json")).doesNotExist();
  }

  @Test
  void the_heartbeat_file_is_rewritten_each_beat_with_its_marker_dated_60_s_ahead()
      throws Exception {
    FileSink s = sink(false);
    s.heartbeat();
    Path hb = dir.resolve(FileSink.HEARTBEAT);
    Files.setLastModifiedTime(hb, FileTime.fromMillis(0));
    s.heartbeat();
    assertThat(Files.getLastModifiedTime(hb).toMillis()).isGreaterThan(0);
    Path marker = dir.resolve(FileSink.HEARTBEAT + ".until");
    assertThat(Files.readString(marker)).isEqualTo("60\n");
    assertThat(
            Files.getLastModifiedTime(marker).toMillis() - Files.getLastModifiedTime(hb).toMillis())
        .isEqualTo(60_000);
  }

  @Test
  void an_error_never_changes_a_pool_file_even_an_empty_one_but_replaces_an_older_error()
      throws Exception {
    FileSink s = sink(false);
    s.write(PoolPlan.failed("web", "ns/web", Set.of(), 204, "no ready endpoints"));
    assertThat(s.write(PoolPlan.failed("web", "ns/web", Set.of(), 400, "bad")).outcome())
        .isEqualTo(WriteResult.Outcome.HELD_ERROR);
    s.write(PoolPlan.failed("new", "ns/new", Set.of(), 400, "first"));
    assertThat(s.write(PoolPlan.failed("new", "ns/new", Set.of(), 400, "second")).outcome())
        .isEqualTo(WriteResult.Outcome.WRITTEN);
    assertThat(Files.readString(dir.resolve("new.json"))).contains("second");
  }

  @Test
  void the_sweep_removes_only_our_files_that_nothing_publishes() throws Exception {
    FileSink s = sink(true);
    s.write(plan("10.0.0.1")); // web.json, ours, published by ns/web
    s.write(PoolPlan.of("gone", "ns/gone", Set.of(), List.of(Member.active("10.0.0.2", 80))));
    s.write(PoolPlan.of("held", "ns/held", Set.of(), List.of(Member.active("10.0.0.3", 80))));
    s.write(PoolPlan.of("other", "elsewhere/x", Set.of(), List.of(Member.active("10.0.0.4", 80))));
    Files.writeString(dir.resolve("stranger.json"), "{\"version\":1,\"code\":200,\"nodes\":[]}");
    Files.writeString(dir.resolve("notes.txt"), "not a pool");
    PublishedPools published = new PublishedPools(Set.of("web"), Set.of("ns/held"), Set.of("ns"));
    List<PoolPlan> removals = s.orphans(published);
    assertThat(removals)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.pool()).isEqualTo("gone");
              assertThat(p.service()).isEqualTo("ns/gone");
              assertThat(p.removed()).isTrue();
            });
    assertThat(s.write(removals.get(0)).outcome()).isEqualTo(WriteResult.Outcome.REMOVED);
    assertThat(dir.resolve("gone.json")).doesNotExist();
    assertThat(dir.resolve("stranger.json")).exists();
  }

  @Test
  void the_sweep_writes_a_deleted_or_edited_file_again_as_it_was() throws Exception {
    FileSink s = sink(false);
    s.write(plan("10.0.0.1"));
    byte[] written = Files.readAllBytes(dir.resolve("web.json"));
    assertThat(s.repairs()).as("nothing changed").isEmpty();
    Files.delete(dir.resolve("web.json"));
    assertThat(s.repairs())
        .singleElement()
        .satisfies(r -> assertThat(r.detail()).contains("repaired"));
    assertThat(Files.readAllBytes(dir.resolve("web.json"))).isEqualTo(written);
    Files.writeString(dir.resolve("web.json"), "{\"version\":1,\"code\":200,\"nodes\":[]}");
    assertThat(s.repairs()).hasSize(1);
    assertThat(Files.readAllBytes(dir.resolve("web.json"))).isEqualTo(written);
  }
}
