package io.vtmsync.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Boots the app on Camel Main: the routes from {@code routes/*.camel.yaml} (read from the file
 * system at start, so an edited route needs only a restart), the properties from {@code
 * config/application.properties}, and overrides from the command line. When those folders are not
 * where the app runs, the copies inside the jar are used, and the log says which.
 */
public final class App implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  /**
   * Registry name that camel-micrometer-prometheus looks up before creating its own; bound before
   * Camel Main starts, so the app's meters and Camel's route meters share one scrape whatever the
   * order in which they initialise.
   */
  static final String METRICS = "metricsRegistry";

  private final Main main;

  private App(Main main) {
    this.main = main;
  }

  /** Where to read config and routes from, and property overrides ({@code --key=value}). */
  public record Options(String configFile, String routesDir, Map<String, String> overrides) {
    public static Options defaults() {
      return new Options(null, null, Map.of());
    }

    public Options with(String key, String value) {
      Map<String, String> o = new LinkedHashMap<>(overrides);
      o.put(key, value);
      return new Options(configFile, routesDir, o);
    }

    public Options without(String key) {
      Map<String, String> o = new LinkedHashMap<>(overrides);
      o.remove(key);
      return new Options(configFile, routesDir, o);
    }

    public Options withLocations(String config, String routes) {
      return new Options(config, routes, overrides);
    }
  }

  public static App create(Options options) {
    Main main = new Main();
    main.bind(
        METRICS,
        new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
            io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT));
    main.configure().addConfiguration(new AppConfiguration());
    main.configure().setName("vtm-k8s-sync");
    main.configure().setShutdownTimeout(10);
    main.configure().setRoutesIncludePattern(routes(options.routesDir()));
    main.setPropertyPlaceholderLocations(config(options.configFile()));
    options.overrides().forEach(main::addOverrideProperty);
    main.addMainListener(
        new org.apache.camel.main.MainListenerSupport() {
          @Override
          public void afterStart(org.apache.camel.main.BaseMainSupport m) {
            LOG.info("vtm-k8s-sync started");
          }
        });
    return new App(main);
  }

  /**
   * The port the health, metrics and status server really bound (camel.management.port=0 picks
   * one).
   */
  static void logManagementPort(CamelContext ctx) {
    var server =
        ctx.hasService(
            org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer.class);
    if (server != null) {
      LOG.info(
          "health and metrics on port {}: /observe/health/live, /observe/health/ready,"
              + " /observe/metrics; status page: /status, /status.json",
          server.getPort());
    }
  }

  /** Starts and returns once the routes run (for the demo, tests and benchmarks). */
  public static App start(Options options) throws Exception {
    App app = create(options);
    app.main.start();
    return app;
  }

  /** Runs until the JVM is asked to stop (SIGTERM, Ctrl-C); Camel Main shuts down cleanly. */
  public void run() throws Exception {
    main.run();
  }

  public CamelContext context() {
    return main.getCamelContext();
  }

  public <T> T bean(String name, Class<T> type) {
    return context().getRegistry().lookupByNameAndType(name, type);
  }

  @Override
  public void close() throws Exception {
    main.stop();
  }

  static String routes(String dir) {
    Path d = Path.of(dir == null ? "routes" : dir);
    if (Files.isDirectory(d)) {
      String abs = d.toAbsolutePath().normalize().toString();
      LOG.info("routes from {}", abs);
      return "file:" + abs + "/*.camel.yaml";
    }
    if (dir != null) {
      throw new IllegalArgumentException("routes directory not found: " + d.toAbsolutePath());
    }
    LOG.info("routes from the copies inside the jar (no ./routes here)");
    return "classpath:routes/*.camel.yaml";
  }

  /**
   * The user's file laid over the bundled defaults: {@code --config FILE}, else
   * ./config/application.properties when present, then the defaults. Camel looks a key up in the
   * locations in order and the first that has it wins, so a user file names only what it changes
   * (environment variables and {@code --key=value} override both).
   */
  static String config(String file) {
    String defaults = "classpath:config/application.properties";
    Path f = Path.of(file == null ? "config/application.properties" : file);
    if (Files.isRegularFile(f)) {
      LOG.info("config: defaults from the jar, overridden by {}", f.toAbsolutePath().normalize());
      return "file:" + f.toAbsolutePath().normalize() + "," + defaults;
    }
    if (file != null) {
      throw new IllegalArgumentException("config file not found: " + f.toAbsolutePath());
    }
    LOG.info("config: defaults from the jar (no ./config/application.properties here)");
    return defaults;
  }
}
