package io.vtmsync.ha;

import java.util.List;
import java.util.Optional;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;

/**
 * The cluster service of a single process (leader election off): this process is always the leader,
 * at once, so the {@code master:} routes run as soon as the app starts.
 */
public final class SoloClusterService
    extends AbstractCamelClusterService<AbstractCamelClusterView> {

  public SoloClusterService() {
    super("solo");
  }

  @Override
  protected AbstractCamelClusterView createView(String namespace) {
    return new SoloView(this, namespace);
  }

  private static final class SoloView extends AbstractCamelClusterView {
    private final CamelClusterMember self =
        new CamelClusterMember() {
          @Override
          public String getId() {
            return "self";
          }

          @Override
          public boolean isLeader() {
            return true;
          }

          @Override
          public boolean isLocal() {
            return true;
          }
        };

    SoloView(CamelClusterService service, String namespace) {
      super(service, namespace);
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
      return Optional.of(self);
    }

    @Override
    public CamelClusterMember getLocalMember() {
      return self;
    }

    @Override
    public List<CamelClusterMember> getMembers() {
      return List.of(self);
    }

    @Override
    protected void doStart() {
      fireLeadershipChangedEvent(self);
    }
  }
}
