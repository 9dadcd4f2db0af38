package io.vtmsync.vtm;

import static io.vtmsync.vtm.VtmHttp.JSON;
import static io.vtmsync.vtm.VtmHttp.OCTET_STREAM;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vtmsync.pool.Member;
import io.vtmsync.vtm.VtmHttp.Answer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST client of one vTM cluster (the provider edge of the pipeline): negotiates the API
 * version, reads and writes pools and file resources, and reports every failure as a {@link
 * VtmException}. Thread-safe; one instance per cluster.
 */
public final class VtmClient {
  private static final Logger LOG = LoggerFactory.getLogger(VtmClient.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String VERSIONS = VtmPaths.VERSIONS;

  private final VtmClusterConfig config;
  private final VtmHttp http;
  private final JsonAnswers answers;
  private volatile ApiVersion version;

  public VtmClient(VtmClusterConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.http = new VtmHttp(config);
    this.answers = new JsonAnswers(config.name(), http);
    if (config.insecure()) {
      LOG.warn(
          "vtm {}: TLS certificate and host name checks are OFF (vtm.{}.insecure=true);"
              + " anyone on the path can read the admin password",
          config.name(),
          config.name());
    }
  }

  /** Dry-run: reads go to vTM, writes (PUT, DELETE) are never sent. */
  public void dryRun(boolean on) {
    http.dryRun(on);
  }

  /** Reports every request (method, status, duration) to {@code observer}. */
  public void observe(RequestObserver observer) {
    http.observe(observer);
  }

  public String cluster() {
    return config.name();
  }

  /** Asks vTM which API versions it serves and picks one (section 1); the choice is cached. */
  public synchronized ApiVersion negotiate() {
    Answer answer = http.send("GET", VERSIONS, JSON, null, null);
    List<String> offered = answers.childNames("GET", VERSIONS, answer);
    ApiVersion chosen;
    try {
      chosen = VersionChoice.choose(offered, config.apiVersion());
    } catch (IllegalArgumentException e) {
      VtmError error = VtmError.of("client.no_usable_version", e.getMessage());
      throw new VtmException(cluster(), "GET", VERSIONS, answer.status(), error, false, null);
    }
    if (!chosen.equals(version)) {
      LOG.info("vtm {}: using REST API {} (offered {})", cluster(), chosen, offered);
    }
    version = chosen;
    return chosen;
  }

  /**
   * Forgets the version, so the next call negotiates again (the cluster may have been upgraded).
   */
  public void invalidate() {
    version = null;
  }

  /** The pool, or empty when vTM answers 404. */
  public Optional<RemotePool> getPool(String name) {
    ApiVersion v = version();
    String path = VtmPaths.item(v, "pools", name);
    Answer answer = http.send("GET", path, JSON, null, null);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    return Optional.of(RemotePool.read(v, answers.resource("GET", path, answer)));
  }

  /**
   * Creates or updates a pool's members (section 4: PUT merges per key, so only the node table or
   * lists, and the note when given, change).
   *
   * @param noteOrNull written only when not null: pass it on create, null on update
   */
  public PutResult putPool(String name, List<Member> members, String noteOrNull) {
    ApiVersion v = version();
    JsonNode body =
        v.isLegacy()
            ? LegacyNodeLists.body(members, noteOrNull)
            : NodesTable.body(members, noteOrNull);
    return put(v, name, body);
  }

  /** Sends any pool body; lets tests provoke vTM's validation errors. */
  PutResult putPoolRaw(String name, JsonNode body) {
    return put(version(), name, body);
  }

  /** Deletes a pool; one that is already gone (404) counts as deleted. */
  public void deletePool(String name) {
    String path = VtmPaths.item(version(), "pools", name);
    Answer answer = http.send("DELETE", path, JSON, null, null);
    if (!answer.ok() && answer.status() != 404) {
      throw http.rejected("DELETE", path, answer);
    }
  }

  public List<String> listPools() {
    String path = VtmPaths.collection(version(), "pools");
    return answers.childNames("GET", path, http.send("GET", path, JSON, null, null));
  }

  /**
   * Writes a file resource as raw bytes (sections 9, 10). Any 2xx is success: section 14 (5) leaves
   * the status open.
   *
   * @param collection {@code extra_files} or {@code servicediscovery}
   */
  public void putFile(String collection, String name, byte[] bytes) {
    ApiVersion v = version();
    String path = VtmPaths.file(v, collection, name);
    Answer answer = http.send("PUT", path, null, OCTET_STREAM, bytes.clone());
    if (!answer.ok()) {
      throw rejectedWrite("PUT", path, answer);
    }
  }

  /** The file's bytes, or empty when vTM answers 404. */
  public Optional<byte[]> getFile(String collection, String name) {
    ApiVersion v = version();
    String path = VtmPaths.file(v, collection, name);
    Answer answer = http.send("GET", path, null, null, null);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    if (!answer.ok()) {
      throw http.rejected("GET", path, answer);
    }
    return Optional.of(answer.body());
  }

  private ApiVersion version() {
    ApiVersion v = version;
    if (v != null) {
      return v;
    }
    synchronized (this) {
      return version != null ? version : negotiate();
    }
  }

  private PutResult put(ApiVersion v, String name, JsonNode body) {
    String path = VtmPaths.item(v, "pools", name);
    byte[] bytes;
    try {
      bytes = MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot render the pool body", e);
    }
    Answer answer = http.send("PUT", path, JSON, JSON, bytes);
    if (!answer.ok()) {
      throw rejectedWrite("PUT", path, answer);
    }
    return new PutResult(
        answer.status() == 201, RemotePool.read(v, answers.resource("PUT", path, answer)));
  }

  /**
   * PUT creates, so a 404 means the version (or collection) is gone, e.g. after an upgrade that
   * dropped it (section 1); forget the version so the next call negotiates again.
   */
  private VtmException rejectedWrite(String method, String path, Answer answer) {
    if (answer.status() == 404) {
      invalidate();
    }
    return http.rejected(method, path, answer);
  }
}
