package io.vtmsync.vtm;

import static java.util.concurrent.CompletableFuture.completedFuture;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtmsync.pool.Member;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The REST vocabulary of one cluster within one conversation (facts file sections 1-10): version
 * discovery, pools, listings and file resources. Each call asks the conversation for a request and
 * reads its answer; nothing here does I/O. In dry-run, writes are answered as an unchanged vTM
 * would answer them and never sent.
 */
final class VtmApi {

  private final VtmCluster cluster;
  private final Conversation talk;

  VtmApi(VtmCluster cluster, Conversation talk) {
    this.cluster = cluster;
    this.talk = talk;
  }

  String cluster() {
    return cluster.name();
  }

  /** The chosen API version, negotiated first when not known (section 1). */
  CompletableFuture<ApiVersion> version() {
    ApiVersion known = cluster.version();
    if (known != null) {
      return completedFuture(known);
    }
    VtmRequest r = VtmRequest.get(VtmPaths.VERSIONS);
    return talk.send(r).thenApply(a -> cluster.negotiated(r, a));
  }

  /** The pool, or empty when vTM answers 404. */
  CompletableFuture<Optional<RemotePool>> getPool(String name) {
    return version()
        .thenCompose(
            v -> {
              VtmRequest r = VtmRequest.get(VtmPaths.item(v, "pools", name));
              return talk.send(r)
                  .thenApply(
                      a ->
                          a.status() == 404
                              ? Optional.<RemotePool>empty()
                              : Optional.of(RemotePool.read(v, cluster.resource(r, a))));
            });
  }

  /**
   * Creates or updates a pool's members (section 4: PUT merges per key, so only the node table or
   * lists, and the note when given, change).
   *
   * @param noteOrNull written only when not null: pass it on create, null on update
   */
  CompletableFuture<PutResult> putPool(String name, List<Member> members, String noteOrNull) {
    return version()
        .thenCompose(
            v ->
                putPool(
                    v,
                    name,
                    v.isLegacy()
                        ? LegacyNodeLists.body(members, noteOrNull)
                        : NodesTable.body(members, noteOrNull)));
  }

  /** Sends any pool body (the service_discovery section; tests provoke validation errors). */
  CompletableFuture<PutResult> putPoolRaw(String name, Object body) {
    return version().thenCompose(v -> putPool(v, name, body));
  }

  /** Deletes a pool; one that is already gone (404) counts as deleted. */
  CompletableFuture<Void> deletePool(String name) {
    return version()
        .thenCompose(
            v -> {
              VtmRequest r = VtmRequest.delete(VtmPaths.item(v, "pools", name));
              return write(r)
                  .thenAccept(
                      a -> {
                        if (!a.ok() && a.status() != 404) {
                          throw cluster.rejected(r, a);
                        }
                      });
            });
  }

  CompletableFuture<List<String>> listPools() {
    return version()
        .thenCompose(
            v -> {
              VtmRequest r = VtmRequest.get(VtmPaths.collection(v, "pools"));
              return talk.send(r).thenApply(a -> cluster.childNames(r, a));
            });
  }

  /**
   * Writes a file resource as raw bytes (sections 9, 10). Any 2xx is success: section 14 (5) leaves
   * the status open.
   *
   * @param collection {@code extra_files} or {@code servicediscovery}
   */
  CompletableFuture<Void> putFile(String collection, String name, byte[] bytes) {
    return version()
        .thenCompose(
            v -> {
              VtmRequest r = VtmRequest.putBytes(VtmPaths.file(v, collection, name), bytes);
              return write(r).thenAccept(a -> requireWritten(r, a));
            });
  }

  /** The file's bytes, or empty when vTM answers 404. */
  CompletableFuture<Optional<byte[]>> getFile(String collection, String name) {
    return version()
        .thenCompose(
            v -> {
              VtmRequest r = VtmRequest.get(VtmPaths.file(v, collection, name));
              return talk.send(r)
                  .thenApply(
                      a -> {
                        if (a.status() == 404) {
                          return Optional.<byte[]>empty();
                        }
                        if (!a.ok()) {
                          throw cluster.rejected(r, a);
                        }
                        return Optional.of(a.body());
                      });
            });
  }

  /**
   * vTM's runtime state of one pool node ({@code alive}, {@code dead}, ...), from {@code
   * status/local_tm/statistics/nodes/per_pool_node/<pool>-<node>} (section 6; the id's form is an
   * inference); "unknown" when vTM has no such entry, or before API 3.0.
   */
  CompletableFuture<String> nodeState(String pool, Member member) {
    return version()
        .thenCompose(
            v -> {
              if (v.isLegacy()) {
                return completedFuture("unknown");
              }
              String path =
                  "/api/tm/"
                      + v
                      + "/status/local_tm/statistics/nodes/per_pool_node/"
                      + VtmPaths.segment(pool + "-" + member.address());
              VtmRequest r = VtmRequest.get(path);
              return talk.send(r)
                  .thenApply(
                      a ->
                          a.status() == 404
                              ? "unknown"
                              : cluster
                                  .statistics(r, a)
                                  .path("statistics")
                                  .path("state")
                                  .asText("unknown"));
            });
  }

  private CompletableFuture<PutResult> putPool(ApiVersion v, String name, Object body) {
    VtmRequest r = VtmRequest.putJson(VtmPaths.item(v, "pools", name), body);
    return write(r)
        .thenApply(
            a -> {
              requireWritten(r, a);
              JsonNode stored = cluster.resource(r, a);
              return new PutResult(a.status() == 201, RemotePool.read(v, stored));
            });
  }

  /** A write, or in dry-run what an unchanged vTM would answer to it, unsent. */
  private CompletableFuture<VtmAnswer> write(VtmRequest r) {
    if (cluster.dryRun()) {
      byte[] body = r.json() ? "{\"properties\":{}}".getBytes() : new byte[0];
      return completedFuture(new VtmAnswer(r.json() ? 200 : 204, body));
    }
    return talk.send(r);
  }

  /**
   * PUT creates, so a 404 means the version (or collection) is gone, e.g. after an upgrade that
   * dropped it (section 1): forget the version so the next job negotiates again.
   */
  private void requireWritten(VtmRequest r, VtmAnswer a) {
    if (!a.ok()) {
      if (a.status() == 404) {
        cluster.invalidate();
      }
      throw cluster.rejected(r, a);
    }
  }
}
