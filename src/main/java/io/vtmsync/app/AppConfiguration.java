package io.vtmsync.app;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.events.ServiceEvents;
import io.vtmsync.k8s.ExposureReader;
import io.vtmsync.k8s.InformerComponent;
import io.vtmsync.k8s.KubeClients;
import io.vtmsync.k8s.KubernetesSource;
import io.vtmsync.k8s.PoolKeys;
import io.vtmsync.pool.PoolPlanner;
import io.vtmsync.pool.PoolRegistry;
import io.vtmsync.pool.SafeWritePolicy;
import io.vtmsync.pool.Sweep;
import io.vtmsync.queue.WorkQueueComponent;
import io.vtmsync.sink.FileSink;
import io.vtmsync.sink.SyncStatus;
import io.vtmsync.source.Source;
import io.vtmsync.source.SourcePlanner;
import io.vtmsync.source.SourcePoolKeys;
import io.vtmsync.source.Sources;
import io.vtmsync.status.MemberHealth;
import io.vtmsync.status.StatusPage;
import io.vtmsync.status.StatusTable;
import io.vtmsync.vtm.VtmLane;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers every bean and component the routes use, built from the checked {@link Settings}. The
 * YAML routes only wire these together; the names here are the names the routes call.
 */
public final class AppConfiguration implements CamelConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(AppConfiguration.class);

  @Override
  public void configure(CamelContext ctx) throws Exception {
    Settings s = settings(ctx);
    PoolRegistry pools = new PoolRegistry();
    CamelClusterService cluster =
        io.vtmsync.ha.ClusterServices.create(
            s.ha(),
            () ->
                KubeClients.create(
                    s.kubeconfig(), s.context(), s.masterUrl(), s.watchReconnectMs()));
    ctx.addService(cluster);
    org.apache.camel.health.HealthCheckRegistry health =
        org.apache.camel.health.HealthCheckRegistry.get(ctx);
    List<Source> list = new ArrayList<>();
    for (SourceSettings ss : s.sources()) {
      Source src = source(ctx, s, ss, pools);
      list.add(src);
      if (health != null) {
        health.register(
            new io.vtmsync.k8s.SourceHealthCheck(
                src.cache(), src.name(), java.time.Duration.ofMillis(s.unreadyAfterMs())));
      }
    }
    Sources sources = new Sources(list);
    if (sources.named()) {
      SourcePoolKeys keys = new SourcePoolKeys(sources);
      pools.shareWhen(sources::allSynced, keys::all);
    }

    WorkQueueComponent queues = new WorkQueueComponent();
    pools.onWake(key -> queues.queue("pools").offer(key, key));

    Registry r = ctx.getRegistry();
    // App.create binds the registry Camel's metrics service also uses (see App.METRICS).
    io.micrometer.core.instrument.MeterRegistry meters =
        r.lookupByNameAndType(App.METRICS, io.micrometer.core.instrument.MeterRegistry.class);
    AppMetrics metrics =
        new AppMetrics(
            meters != null
                ? meters
                : new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    r.bind("settings", s);
    r.bind("sources", sources);
    if (!sources.named()) {
      r.bind("kubernetesSource", list.get(0).cache()); // the single source's caches
    }
    r.bind("poolKeys", new SourcePoolKeys(sources));
    r.bind("poolPlanner", new SourcePlanner(sources));
    r.bind("poolRegistry", pools);
    r.bind(
        "sweep",
        new Sweep(
            list.stream()
                .map(
                    src ->
                        new Sweep.Scope(
                            src.name(), src.cache()::services, src.exposure(), src.namespaces()))
                .toList(),
            pools));
    // The one JSON configuration: camel-jackson's marshal steps refer to it as "json".
    r.bind("json", io.vtmsync.vtm.Json.MAPPER);
    // Events on the Services: from the leader only (the routes that raise them are master:), and
    // never in a dry run, which writes nothing anywhere.
    ServiceEvents events =
        ServiceEvents.ofSources(
            s.eventsEnabled() && !s.dryRun(),
            name -> sources.byName(name).client(),
            key -> sources.of(key).cache(),
            s.ha().podName(),
            () -> cluster.isLeader("vtm-k8s-sync"));
    ctx.addService(events);
    r.bind("serviceEvents", events);
    // Camel instantiates the vTM lane templates from this source (one set per cluster).
    VtmLanes lanes = new VtmLanes(r, s, metrics, events);
    r.bind("vtmLanes", lanes);
    r.bind("memberHealth", lanes.memberHealth());
    FileSink files =
        new FileSink(s.fileDirectory(), new SafeWritePolicy(s.emptyPool()), s.fileDeleteRemoved());
    files.dryRun(s.dryRun());
    r.bind("fileSink", files);
    if (s.dryRun()) {
      LOG.warn("DRY RUN: plans and diffs are logged, nothing is written to files, vTM or Events");
    }
    SyncStatus status = new SyncStatus();
    r.bind("syncStatus", status);
    pools.onProblem(events);
    metrics.events(events);
    pools.resendWhen(status::wantsAgain);
    r.bind("statusPage", statusPage(r, s, status, cluster, pools));
    list.forEach(src -> metrics.source(src.cache(), src.name()));
    metrics.queues(queues);
    metrics.status(status);
    metrics.leader(cluster);
    metrics.conflicts(pools);
    ctx.addComponent("informer", new InformerComponent(caches(list)));
    ctx.addComponent("workqueue", queues);
    // A source's keys that came while it listed failed for want of whole caches and wait out a
    // retry backoff: the moment it has synced they are due at once (the first sync after a start).
    for (Source src : list) {
      String name = src.name();
      src.cache()
          .onFirstSync(
              () ->
                  queues
                      .queue("pools")
                      .retryNow(key -> io.vtmsync.k8s.KubeNames.sourceOf(key).equals(name)));
    }
    // Said while the context stops, not after: on SIGTERM the JVM halts as soon as Camel's
    // shutdown hook sees the context stopped, possibly before the main thread logs anything more.
    ctx.addLifecycleStrategy(
        new org.apache.camel.support.LifecycleStrategySupport() {
          @Override
          public void onContextStopped(CamelContext context) {
            LOG.info("vtm-k8s-sync stopped");
          }
        });
    ctx.addStartupListener(
        new org.apache.camel.ExtendedStartupListener() {
          @Override
          public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {}

          @Override
          public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
            App.logManagementPort(context);
          }
        });
  }

  private static java.util.Map<String, KubernetesSource> caches(List<Source> sources) {
    java.util.Map<String, KubernetesSource> out = new java.util.LinkedHashMap<>();
    sources.forEach(src -> out.put(src.name(), src.cache()));
    return out;
  }

  /** One Kubernetes source: its client, informers, doorbells and planner. */
  private static Source source(CamelContext ctx, Settings s, SourceSettings ss, PoolRegistry pools)
      throws Exception {
    KubernetesClient client =
        KubeClients.create(
            ss.kubeconfig(), ss.context(), ss.masterUrl(), s.watchReconnectMs(), null, true);
    if (ss.name().isEmpty()) {
      LOG.info("Kubernetes API {}", client.getMasterUrl());
    } else {
      LOG.info("Kubernetes source '{}': API {}", ss.name(), client.getMasterUrl());
    }
    ctx.addService(closing(client));
    ExposureReader exposure = new ExposureReader(ss.exposure());
    KubernetesSource cache =
        new KubernetesSource(client, ss.namespaces(), ss.watchPods(), exposure::readsPods)
            .named(ss.name());
    ctx.addService(cache);
    return new Source(
        ss.name(),
        cache,
        exposure,
        new PoolKeys(cache, exposure, () -> SourcePoolKeys.known(pools.services(), ss.name())),
        new PoolPlanner(cache, exposure, s.notReadyGuardPercent()),
        ss.namespaces(),
        ss.priority(),
        ss.mergeByName(),
        client);
  }

  /** The page's columns: the file sink, then each vTM cluster with its state at request time. */
  private static StatusPage statusPage(
      Registry r, Settings s, SyncStatus status, CamelClusterService cluster, PoolRegistry pools) {
    List<String> names = new ArrayList<>();
    if (s.fileEnabled()) {
      names.add("file");
    }
    s.vtm().clusters().forEach(c -> names.add("vtm:" + c.name()));
    return new StatusPage(
        status,
        () -> names.stream().map(n -> target(r, n)).toList(),
        () -> cluster.isLeader("vtm-k8s-sync"),
        // vTM's view of member health, read back by the lanes (VtmLanes.memberHealth).
        () -> {
          MemberHealth h = r.lookupByNameAndType("memberHealth", MemberHealth.class);
          return h != null ? h : MemberHealth.NONE;
        },
        // Pool names claimed twice, and member addresses two sources publish into one pool.
        () -> {
          List<String> out = new ArrayList<>(new TreeSet<>(pools.conflicts().values()));
          new java.util.TreeMap<>(pools.memberConflicts()).values().forEach(out::addAll);
          return out;
        });
  }

  private static StatusTable.Target target(Registry r, String name) {
    VtmLane lane =
        name.startsWith("vtm:")
            ? r.lookupByNameAndType("vtmLane-" + name.substring(4), VtmLane.class)
            : null;
    return lane == null
        ? new StatusTable.Target(name, null, null)
        : new StatusTable.Target(name, lane.healthy(), lane.problem());
  }

  private static Settings settings(CamelContext ctx) {
    PropertiesComponent pc = ctx.getPropertiesComponent();
    Set<String> keys = new TreeSet<>(pc.loadProperties().stringPropertyNames());
    if (pc instanceof org.apache.camel.component.properties.PropertiesComponent impl) {
      for (Properties p :
          new Properties[] {impl.getInitialProperties(), impl.getOverrideProperties()}) {
        if (p != null) {
          keys.addAll(p.stringPropertyNames());
        }
      }
    }
    return Settings.read(k -> pc.resolveProperty(k).orElse(null), keys);
  }

  private static ServiceSupport closing(AutoCloseable resource) {
    return new ServiceSupport() {
      @Override
      protected void doStop() throws Exception {
        resource.close();
      }
    };
  }
}
