package io.vtmsync.k8s;

import io.vtmsync.pool.MemberState;

/**
 * One endpoint of a Service port as an EndpointSlice lists it: the pod IP and target port, where it
 * runs, and the state it should have in vTM.
 *
 * @param nodeName may be null (endpoints outside the cluster)
 * @param podName may be null (endpoints without a Pod targetRef)
 */
public record Backend(String ip, int port, String nodeName, String podName, MemberState state) {}
