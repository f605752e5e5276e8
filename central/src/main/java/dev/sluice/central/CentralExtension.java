package dev.sluice.central;

import io.javalin.config.JavalinConfig;

/**
 * Something that adds routes, static files or plugins to central's server (the console, the
 * lake's routes in {@code sluice up}). Called once while the server is configured, after
 * central's own routes; Javalin 7 takes routes in the configuration
 * ({@code config.routes.get(...)}).
 */
@FunctionalInterface
public interface CentralExtension {
  void configure(JavalinConfig config, Central central);

  /** Releases what {@link #configure} started; called when central stops, after the server. */
  default void close() {}
}
