package dev.sluice.central.integration;

import dev.sluice.central.PortRange;
import dev.sluice.central.api.ApiException;
import dev.sluice.central.api.ErrorCode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses integration ports: unique per appliance, from the configured range, the lowest free one
 * unless a specific port is asked for. The database's unique (appliance, port) constraint is the
 * final guard against two integrations on one port.
 */
final class PortAllocator {
  private final PortRange range;

  PortAllocator(PortRange range) {
    this.range = range;
  }

  int allocate(List<Integer> inUse, Integer requested) {
    Set<Integer> taken = new HashSet<>(inUse);
    if (requested != null) {
      if (!range.contains(requested)) {
        throw new ApiException(ErrorCode.PORT_OUT_OF_RANGE, "port " + requested + " is outside the integration port range " + range);
      }
      if (taken.contains(requested)) {
        throw new ApiException(ErrorCode.PORT_IN_USE, "port " + requested + " is already used by another integration on this appliance");
      }
      return requested;
    }
    for (int port = range.first(); port <= range.last(); port++) {
      if (!taken.contains(port)) {
        return port;
      }
    }
    throw new ApiException(ErrorCode.NO_PORT_AVAILABLE, "every port of " + range + " is in use on this appliance");
  }
}
