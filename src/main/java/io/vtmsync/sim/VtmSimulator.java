package io.vtmsync.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running vTM REST API simulator: lifecycle, state inspection, request log and faults. */
public final class VtmSimulator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VtmSimulator.class);
  private static final int LOG_CAPACITY = 100_000;

  private final Options options;
  private final SimCertificate certificate;
  private final VersionSet versions;
  private final SimStore store = new SimStore();
  private final RequestLog log = new RequestLog(LOG_CAPACITY);
  private final Faults faults = new Faults();
  private final SimHandler handler;
  private final SimListener listener;
  private final Statistics statistics;

  private VtmSimulator(Options options) {
    this.options = options;
    this.certificate = SimCertificate.create("vtm-sim-" + options.name());
    this.versions = new VersionSet(options.apiVersions());
    BasicAuth auth = new BasicAuth(options.username(), options.password());
    ApiRouter router = new ApiRouter(store, versions);
    this.statistics = router.statistics();
    this.handler = new SimHandler(options.name(), auth, faults, router, log);
    this.listener = new SimListener(options.name(), certificate.serverContext(), handler);
  }

  /** Starts a simulator on 127.0.0.1 (port 0 = ephemeral). */
  /**
   * Marks a pool node ("ip:port" as in nodes_table) dead (or "alive", or any vTM state) in the
   * runtime statistics of every pool holding it; null: alive again.
   */
  public void setNodeState(String node, String state) {
    statistics.setNodeState(node, state);
  }

  public static VtmSimulator start(Options options) {
    VtmSimulator simulator = new VtmSimulator(options);
    simulator.listener.start(options.port());
    LOG.info("vtm-sim {} listening on {}", options.name(), simulator.baseUrl());
    return simulator;
  }

  public String name() {
    return options.name();
  }

  public int port() {
    return listener.port();
  }

  public URI baseUrl() {
    return URI.create("https://127.0.0.1:" + port());
  }

  public String username() {
    return options.username();
  }

  public String password() {
    return options.password();
  }

  public String caPem() {
    return certificate.pem();
  }

  /** Writes {@code <name>-ca.pem} into dir and returns its path. */
  public Path writeCaPem(Path dir) {
    return certificate.writePem(dir.resolve(name() + "-ca.pem"));
  }

  public SSLContext clientSslContext() {
    return certificate.clientContext();
  }

  /** Every pool as GET on the highest configured API version would return it, by name. */
  public Map<String, ObjectNode> pools() {
    Map<String, ObjectNode> result = new LinkedHashMap<>();
    store.poolNames().forEach(name -> pool(name).ifPresent(p -> result.put(name, p)));
    return Collections.unmodifiableMap(result);
  }

  public Optional<ObjectNode> pool(String name) {
    PoolSchema schema = PoolSchema.forVersion(versions.highest());
    return store.pool(name).map(schema::render);
  }

  /**
   * Seeds or replaces a pool without HTTP and without validation, so tests can create foreign or
   * deliberately odd pools. Accepts either {"properties":{...}} or the inner sections object; keys
   * not given read back as defaults.
   */
  public void putPoolDirect(String name, ObjectNode properties) {
    JsonNode inner = properties.get("properties");
    boolean wrapped = properties.size() == 1 && inner instanceof ObjectNode;
    store.putPool(name, wrapped ? (ObjectNode) inner : properties);
  }

  public Optional<byte[]> extraFile(String name) {
    return Optional.ofNullable(store.extraFiles().get(name)).map(byte[]::clone);
  }

  public Optional<byte[]> serviceDiscoveryPlugin(String name) {
    return Optional.ofNullable(store.plugins().get(name)).map(byte[]::clone);
  }

  public List<RecordedRequest> requests() {
    return log.snapshot();
  }

  /** Counts recorded requests by method and raw (URL-encoded) path prefix. */
  public long count(String method, String pathPrefix) {
    return log.count(method, pathPrefix);
  }

  /** The most requests the simulator was handling at one time since it started. */
  public int mostInFlight() {
    return handler.mostInFlight();
  }

  public void clearRequests() {
    log.clear();
  }

  public void setDelay(Duration perRequest) {
    faults.setDelay(perRequest);
  }

  /** The next count requests get status instead of being processed (state is not touched). */
  public void failNext(int count, int status) {
    faults.failNext(count, status);
  }

  public void setMalformed(boolean on) {
    faults.setMalformed(on);
  }

  /**
   * Answers method on path with status 200 and fault's body after processing the request as usual;
   * path "/api/tm/" matches only itself, "/api/tm/*" every path below it; a null fault clears it.
   */
  public void setBodyFault(BodyFault fault, String method, String path) {
    faults.setBodyFault(fault, method, path);
  }

  /** How many faulty bodies stopped early because the client closed the connection. */
  public int bodiesCutShort() {
    return faults.bodiesCutShort();
  }

  public void goDown() {
    listener.stop();
    LOG.info("vtm-sim {} is down", name());
  }

  public void comeUp() {
    listener.restart();
    LOG.info("vtm-sim {} is up again on {}", name(), baseUrl());
  }

  public boolean isUp() {
    return listener.isUp();
  }

  /** Replaces the served API versions, e.g. to simulate an upgrade; the schema family stays. */
  public void setApiVersions(String... apiVersions) {
    versions.set(List.of(apiVersions));
  }

  public List<String> apiVersions() {
    return versions.all().stream().map(ApiVersion::text).toList();
  }

  @Override
  public void close() {
    listener.close();
  }

  /** How to start a simulator; the password never appears in toString. */
  public record Options(
      String name, String username, String password, List<String> apiVersions, int port) {
    private static final List<String> DEFAULT_VERSIONS = List.of("3.9", "3.10", "5.2", "8.3");

    public Options {
      OptionRules.check(name, username, password, apiVersions, port);
      apiVersions = List.copyOf(apiVersions);
    }

    public static Options defaults(String name) {
      return new Options(name, "admin", OptionRules.randomPassword(), DEFAULT_VERSIONS, 0);
    }

    public Options withVersions(String... versions) {
      return new Options(name, username, password, List.of(versions), port);
    }

    public Options withPassword(String newPassword) {
      return new Options(name, username, newPassword, apiVersions, port);
    }

    public Options withUsername(String newUsername) {
      return new Options(name, newUsername, password, apiVersions, port);
    }

    public Options withPort(int newPort) {
      return new Options(name, username, password, apiVersions, newPort);
    }

    @Override
    public String toString() {
      return "Options[name="
          + name
          + ", username="
          + username
          + ", password=***, apiVersions="
          + apiVersions
          + ", port="
          + port
          + "]";
    }
  }
}
