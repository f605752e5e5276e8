package dev.sluice.appliance.forward;

import dev.sluice.appliance.event.SpooledEvent;
import dev.sluice.appliance.health.ThrottledLog;
import dev.sluice.spool.Spool;
import dev.sluice.spool.SpoolReader;
import dev.sluice.spool.SpoolRecord;
import dev.sluice.wire.ingest.IngestResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves spooled events to the lake, exactly once: reads durable records in offset order, groups
 * them into size- and time-bounded batches per integration, posts each batch until the lake has
 * stored it (exponential backoff with jitter in between), and only then acknowledges the spool,
 * which deletes what is delivered. Event ids are {@code <applianceId>:<offset>}, so a batch sent
 * again after a crash or a lost answer is recognised by the lake as duplicates. When the lake
 * comes back after an outage the spool drains at full speed: batches go back to back.
 */
public final class Forwarder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Forwarder.class);

  private final Spool spool;
  private final LakeClient lake;
  private final String applianceId;
  private final ForwarderConfig config;
  private final Backoff backoff;
  private final Sleeper sleeper;
  private final ThrottledLog log;
  private final Thread thread;
  private volatile boolean running = true;

  private final LongAdder batchesSent = new LongAdder();
  private final LongAdder eventsStored = new LongAdder();
  private final LongAdder eventsDuplicate = new LongAdder();
  private final LongAdder sendFailures = new LongAdder();
  private final LongAdder undecodable = new LongAdder();
  private final ConcurrentHashMap<String, LongAdder> lakeRejections = new ConcurrentHashMap<>();
  private volatile String lastFailure = "";
  private volatile long lastSuccessMillis;
  private final Clock clock;

  /** Sleeps between retries; tests pass one that does not. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  public Forwarder(Spool spool, LakeClient lake, String applianceId, ForwarderConfig config,
      Clock clock, RandomGenerator random, Sleeper sleeper) {
    this.spool = spool;
    this.lake = lake;
    this.applianceId = applianceId;
    this.config = config;
    this.clock = clock;
    this.backoff = new Backoff(config.backoffBase(), config.backoffMax(), random);
    this.sleeper = sleeper;
    this.log = new ThrottledLog(LOG, clock, 30_000);
    this.thread = new Thread(this::run, "forwarder");
    thread.setDaemon(true);
  }

  public Forwarder start() {
    thread.start();
    return this;
  }

  private void run() {
    SpoolReader reader = spool.reader(spool.ackedOffset() + 1);
    try {
      while (running) {
        List<SpoolRecord> records = collect(reader);
        if (records.isEmpty()) {
          continue;
        }
        deliver(records);
        spool.ack(records.get(records.size() - 1).offset());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException | RuntimeException e) {
      if (running) {
        LOG.error("event=forwarder_stopped error={}", e.toString(), e);
      }
    }
  }

  /** Up to one batch worth of records, waiting at most maxDelay after the first arrived. */
  private List<SpoolRecord> collect(SpoolReader reader)
      throws IOException, InterruptedException {
    List<SpoolRecord> records = new ArrayList<>(
        reader.poll(config.maxEvents(), config.maxBytes(), Duration.ofMillis(500)));
    if (records.isEmpty()) {
      return records;
    }
    long bytes = records.stream().mapToLong(r -> r.payload().length).sum();
    long deadline = System.nanoTime() + config.maxDelay().toNanos();
    while (running && records.size() < config.maxEvents() && bytes < config.maxBytes()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      List<SpoolRecord> more = reader.poll(config.maxEvents() - records.size(),
          config.maxBytes() - bytes, Duration.ofNanos(left));
      for (SpoolRecord r : more) {
        records.add(r);
        bytes += r.payload().length;
      }
    }
    return records;
  }

  private void deliver(List<SpoolRecord> records) throws InterruptedException {
    Map<String, List<IngestBodyWriter.Item>> byIntegration = new LinkedHashMap<>();
    for (SpoolRecord r : records) {
      Optional<SpooledEvent> e = SpooledEvent.decode(r.payload());
      if (e.isEmpty()) {
        undecodable.increment();
        log.warn("spooled_record_undecodable", "offset=" + r.offset());
        continue;
      }
      byIntegration.computeIfAbsent(e.get().integrationId(), k -> new ArrayList<>())
          .add(new IngestBodyWriter.Item(r.offset(), e.get()));
    }
    for (Map.Entry<String, List<IngestBodyWriter.Item>> group : byIntegration.entrySet()) {
      List<IngestBodyWriter.Item> items = group.getValue();
      String batchId = applianceId + "-" + items.get(0).offset() + "-"
          + items.get(items.size() - 1).offset();
      byte[] body = IngestBodyWriter.write(applianceId, batchId, group.getKey(), items);
      sendUntilStored(batchId, body, items.size());
    }
  }

  private void sendUntilStored(String batchId, byte[] body, int events)
      throws InterruptedException {
    while (true) {
      LakeClient.Outcome outcome = lake.send(batchId, body);
      if (outcome instanceof LakeClient.Outcome.Stored stored) {
        record(stored.response());
        backoff.reset();
        lastSuccessMillis = clock.millis();
        return;
      }
      LakeClient.Outcome.Failed failed = (LakeClient.Outcome.Failed) outcome;
      sendFailures.increment();
      lastFailure = failed.code() + " " + failed.message();
      Duration wait = backoff.next();
      log.warn("lake_send_failed", "status=" + failed.status() + " code=" + failed.code()
          + " events=" + events + " retry_in_ms=" + wait.toMillis());
      if (!running) {
        throw new InterruptedException("forwarder stopping");
      }
      sleeper.sleep(wait);
    }
  }

  private void record(IngestResponse response) {
    batchesSent.increment();
    eventsStored.add(response.accepted());
    eventsDuplicate.add(response.duplicates());
    for (IngestResponse.EventRejection r : response.rejections()) {
      lakeRejections.computeIfAbsent(r.code(), c -> new LongAdder()).increment();
      log.warn("lake_rejected_event", "code=" + r.code() + " event_id=" + r.eventId());
    }
  }

  /** Counters for metrics and heartbeats. */
  public record Stats(long batchesSent, long eventsStored, long eventsDuplicate,
      long sendFailures, long undecodable, Map<String, Long> lakeRejectionsByCode,
      String lastFailure, long lastSuccessMillis, int consecutiveFailures) {}

  public Stats stats() {
    Map<String, Long> rejections = new java.util.TreeMap<>();
    lakeRejections.forEach((k, v) -> rejections.put(k, v.sum()));
    return new Stats(batchesSent.sum(), eventsStored.sum(), eventsDuplicate.sum(),
        sendFailures.sum(), undecodable.sum(), rejections, lastFailure, lastSuccessMillis,
        backoff.failures());
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
