package io.vtmsync.vtm;

/**
 * The outcome of a pool PUT (facts file section 4): created (201) or updated (200), with the pool
 * as vTM stored it.
 */
public record PutResult(boolean created, RemotePool pool) {}
