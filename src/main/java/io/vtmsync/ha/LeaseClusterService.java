package io.vtmsync.ha;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.vtmsync.app.HaSettings;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;

/**
 * The cluster service behind the {@code master:} routes when leader election is on: this replica
 * leads, in every {@code master:} namespace, while it holds the Lease {@code ha.lease-name},
 * whatever any Pod's status says.
 */
public final class LeaseClusterService
    extends AbstractCamelClusterService<LeaseClusterService.View> {

  private final KubernetesClient client;
  private final LeaseElection election;
  private final String identity;
  private final List<View> views = new CopyOnWriteArrayList<>();

  /**
   * @param client the election's own client, closed when this service stops
   */
  LeaseClusterService(KubernetesClient client, HaSettings ha, String namespace, String identity) {
    super("kubernetes-lease");
    this.client = client;
    this.identity = identity;
    this.election = new LeaseElection(client, ha, namespace, identity, this::changed);
  }

  @Override
  protected View createView(String namespace) {
    View view = new View(this, namespace);
    views.add(view);
    return view;
  }

  /** Also without a view, for the {@code vtmsync_leader} gauge. */
  @Override
  public boolean isLeader(String namespace) {
    return election.leading();
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    election.start();
  }

  @Override
  protected void doStop() throws Exception {
    try {
      election.stop(); // the routes have stopped already: hand the Lease over at once
      super.doStop();
    } finally {
      client.close();
    }
  }

  private void changed() {
    views.forEach(View::changed);
  }

  /** What the camel-master consumers of one namespace see of the election. */
  static final class View extends AbstractCamelClusterView {
    private final LeaseElection election;
    private final Member self;

    View(LeaseClusterService service, String namespace) {
      super(service, namespace);
      this.election = service.election;
      this.self = new Member(service.identity, true, election::leading);
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
      if (election.leading()) {
        return Optional.of(self);
      }
      String holder = election.holder();
      if (holder == null || holder.isEmpty() || holder.equals(self.getId())) {
        return Optional.empty();
      }
      return Optional.of(new Member(holder, false, () -> true));
    }

    @Override
    public CamelClusterMember getLocalMember() {
      return self;
    }

    @Override
    public List<CamelClusterMember> getMembers() {
      return getLeader().filter(l -> !l.isLocal()).map(l -> List.of(self, l)).orElse(List.of(self));
    }

    void changed() {
      // camel-master starts its consumer when the local member leads, and stops it otherwise.
      fireLeadershipChangedEvent(getLeader().orElse(null));
    }
  }

  /** A replica as the Lease names it. */
  private record Member(String id, boolean local, BooleanSupplier leads)
      implements CamelClusterMember {
    @Override
    public String getId() {
      return id;
    }

    @Override
    public boolean isLeader() {
      return leads.getAsBoolean();
    }

    @Override
    public boolean isLocal() {
      return local;
    }
  }
}
