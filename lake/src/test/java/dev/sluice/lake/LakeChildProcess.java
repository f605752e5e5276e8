package dev.sluice.lake;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A lake in a process of its own, for tests that kill it with SIGKILL: flushes and compacts
 * constantly so a kill lands in the middle of conversions and compactions. Prints
 * {@code PORT <n>} once it listens. Arguments: lake directory, flush ms, compaction ms.
 */
public final class LakeChildProcess {
  private LakeChildProcess() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    LakeService lake = LakeService.start(
        new LakeConfig(dir, Duration.ofMillis(Long.parseLong(args[1])), Duration.ofMillis(Long.parseLong(args[2])),
            t -> 90, LakeConfig.QueryLimits.defaults()),
        IngestAuthorizer.allowAll(), Clock.systemUTC(),
        new StorageSettings(2, 256L * 1024 * 1024, StorageSettings.LARGE_FILE_BYTES, Duration.ofSeconds(1), "256MB"));
    StandaloneIdentity identity = StandaloneIdentity.loadOrCreate(dir.resolve("test-token"));
    LakeServer server = LakeServer.start(new LakeRoutes(lake, identity.users(), identity.appliances()),
        "127.0.0.1", 0, null);
    System.out.println("PORT " + server.port());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
