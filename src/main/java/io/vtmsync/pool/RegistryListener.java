package io.vtmsync.pool;

/**
 * Hears the Service-level problems {@link PoolRegistry} settles, which no sink result carries: a
 * Service held for its settings, and a pool name two Services claim. Told at every claim the
 * problem is seen again (each sync and resync), so a listener can count repeats. Called under the
 * registry's lock: it must not block.
 */
public interface RegistryListener {

  RegistryListener NONE =
      new RegistryListener() {
        @Override
        public void held(String service, String because) {}

        @Override
        public void conflict(String service, String pool, String message) {}
      };

  /** The Service's settings fail; {@code because} names the key and the value. */
  void held(String service, String because);

  /** The Service's plan for {@code pool} was dropped: an earlier Service in name order owns it. */
  void conflict(String service, String pool, String message);
}
