package io.vtmsync.k8s;

import java.util.Map;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.DefaultEndpoint;

/**
 * The {@code informer:KIND} Camel component ({@code services}, {@code endpointslices}, {@code
 * nodes}, {@code pods}): a consumer that turns each informer notification into an exchange whose
 * body is a {@link ResourceEvent}. Unlike a plain watch, the informer behind it re-lists and
 * re-watches by itself after 410 Gone or an API-server restart.
 */
public final class InformerComponent extends DefaultComponent {

  private final Map<String, KubernetesSource> sources;

  public InformerComponent(KubernetesSource source) {
    this(Map.of("", source));
  }

  /**
   * Over several Kubernetes sources ({@code ""}: the default one): a consumer hears every source,
   * and each event names the source it came from ({@link ResourceEvent#source}).
   */
  public InformerComponent(Map<String, KubernetesSource> sources) {
    this.sources = new java.util.LinkedHashMap<>(sources);
  }

  @Override
  protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
    if (Kinds.READ.stream().noneMatch(k -> k[1].equals(remaining))) {
      throw new IllegalArgumentException(
          "informer:"
              + remaining
              + " is not a kind we watch; use informer:services,"
              + " informer:endpointslices, informer:nodes or informer:pods");
    }
    return new InformerEndpoint(uri, this, remaining);
  }

  private final class InformerEndpoint extends DefaultEndpoint {
    private final String kind;

    InformerEndpoint(String uri, InformerComponent component, String kind) {
      super(uri, component);
      this.kind = kind;
    }

    @Override
    public Producer createProducer() {
      throw new UnsupportedOperationException("informer: endpoints only consume");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
      InformerConsumer consumer = new InformerConsumer(this, processor, kind);
      configureConsumer(consumer);
      return consumer;
    }
  }

  private final class InformerConsumer extends DefaultConsumer {
    private final String kind;
    private final java.util.List<AutoCloseable> subscriptions = new java.util.ArrayList<>();

    InformerConsumer(Endpoint endpoint, Processor processor, String kind) {
      super(endpoint, processor);
      this.kind = kind;
    }

    @Override
    protected void doStart() throws Exception {
      super.doStart();
      for (Map.Entry<String, KubernetesSource> e : sources.entrySet()) {
        KubernetesSource source = e.getValue();
        if (!source.isRunAllowed() || !source.isStarted()) {
          source.start();
        }
        // A kind that is switched off in config (pods) simply never fires.
        if (source.watches(kind)) {
          String name = e.getKey();
          subscriptions.add(
              source.subscribe(kind, name.isEmpty() ? this::fire : ev -> fire(ev.from(name))));
        }
      }
    }

    @Override
    protected void doStop() throws Exception {
      for (AutoCloseable subscription : subscriptions) {
        subscription.close();
      }
      subscriptions.clear();
      super.doStop();
    }

    private void fire(ResourceEvent event) {
      var exchange = createExchange(false);
      exchange.getMessage().setBody(event);
      try {
        getProcessor().process(exchange);
      } catch (Exception e) {
        exchange.setException(e);
      }
      // A failure was already logged by routes/error-handling.camel.yaml; the next event or the
      // resync rings the bell again, so nothing is lost by going on.
      releaseExchange(exchange, false);
    }
  }
}
