package dev.sluice.darktracesim.send;

import dev.sluice.darktracesim.AlertFilter;
import dev.sluice.darktracesim.SyslogCefSettings;
import dev.sluice.darktracesim.alert.AlertGenerator;
import dev.sluice.darktracesim.render.SyslogMessageWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Runs several emulated Darktrace instances at once, each on its own thread and connection.
 * Instance {@code i} uses seed {@code seed + i} and, for {@code i > 0}, the host name with
 * {@code -<i+1>} added to its first label ({@code dt-master-01.corp.example.com} → {@code
 * dt-master-01-2.corp.example.com}). All messages are rendered before the clock starts.
 */
public final class LoadRun {

  private final List<InstanceSender> senders = new ArrayList<>();
  private final List<SyslogCefSettings> instanceSettings = new ArrayList<>();
  private final AtomicBoolean stop = new AtomicBoolean();
  private final LoadPlan plan;

  /** Renders every instance's pool; may take a moment for large pools. */
  public LoadRun(SyslogCefSettings settings, LoadPlan plan) {
    this.plan = plan;
    long duration = plan.duration().orElse(Duration.ofDays(3650)).toNanos();
    for (int i = 0; i < plan.instances(); i++) {
      SyslogCefSettings mine = settings.withHostname(hostnameFor(settings.hostname(), i));
      MessagePool pool = MessagePool.render(
          new AlertGenerator(plan.seed() + i, plan.start(), plan.mix()),
          new AlertFilter(mine), new SyslogMessageWriter(mine), plan.poolSizeFor(i));
      instanceSettings.add(mine);
      senders.add(new InstanceSender(mine, pool, plan.rate().share(i, plan.instances()),
          plan.countFor(i), duration, plan.giveUpAfter().toNanos(), stop, plan.seed() + i));
    }
  }

  /** The host name instance {@code index} uses, given the configured one. */
  public static String hostnameFor(String hostname, int index) {
    if (index == 0) {
      return hostname;
    }
    int dot = hostname.indexOf('.');
    String suffix = "-" + (index + 1);
    return dot < 0 ? hostname + suffix : hostname.substring(0, dot) + suffix
        + hostname.substring(dot);
  }

  public List<SyslogCefSettings> instanceSettings() {
    return List.copyOf(instanceSettings);
  }

  /** Messages sent so far over all instances (for progress displays). */
  public LongSupplier sentCounter() {
    return () -> senders.stream().mapToLong(InstanceSender::sent).sum();
  }

  /** Connection errors so far over all instances. */
  public LongSupplier errorCounter() {
    return () -> senders.stream().mapToLong(InstanceSender::errors).sum();
  }

  public LoadPlan plan() {
    return plan;
  }

  /** Asks every instance to stop after its current batch. */
  public void stop() {
    stop.set(true);
  }

  /** Sends until every instance has finished; returns the summary. */
  public LoadReport run() throws InterruptedException {
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < senders.size(); i++) {
      Thread t = new Thread(senders.get(i), "darktrace-sim-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      stop();
      for (Thread t : threads) {
        t.join(2_000);
      }
      throw e;
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    return new LoadReport(senders.stream().map(InstanceSender::report).toList(), elapsed);
  }
}
