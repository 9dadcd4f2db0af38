package io.vtmsync.vtm;

import com.fasterxml.jackson.databind.JsonNode;
import io.vtmsync.pool.Member;
import java.util.List;

/**
 * A pool as a vTM cluster has it: its members, its note (how we mark pools we own) and the whole
 * resource for anything else a caller wants to look at.
 *
 * @param members from {@code nodes_table} (API 3.0+) or the legacy node lists (1.0, 2.0)
 * @param note {@code basic.note}, "" when absent
 * @param raw the resource as vTM returned it, {@code {"properties":{...}}}
 */
public record RemotePool(List<Member> members, String note, JsonNode raw) {

  public RemotePool {
    members = List.copyOf(members);
    note = note == null ? "" : note;
  }

  static RemotePool read(ApiVersion version, JsonNode resource) {
    List<Member> members =
        version.isLegacy() ? LegacyNodeLists.read(resource) : NodesTable.read(resource);
    String note = resource.path("properties").path("basic").path("note").asText("");
    return new RemotePool(members, note, resource);
  }
}
