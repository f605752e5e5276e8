package dev.sluice.appliance.receive;

import dev.sluice.darktrace.AcceptedFormats;
import dev.sluice.darktrace.AlertKind;
import dev.sluice.darktrace.DarktracePipeline;
import dev.sluice.darktrace.DarktraceResult;
import dev.sluice.darktrace.IpRange;
import dev.sluice.darktrace.TenantContext;
import dev.sluice.ocsf.DetectionFinding;
import dev.sluice.ocsf.OcsfJsonWriter;
import dev.sluice.wire.control.IntegrationConfig;
import dev.sluice.wire.control.TenantSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Darktrace pipeline (syslog → CEF or JSON → validation → OCSF Detection Finding) behind the
 * listener's {@link FrameProcessor} seam. The tenant context and accepted formats are converted
 * once per configuration, not per frame.
 */
public final class DarktraceFrameProcessor implements FrameProcessor {
  private static final String[] KIND_NAMES = java.util.Arrays.stream(AlertKind.values())
      .map(k -> k.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
  private final DarktracePipeline pipeline = new DarktracePipeline();
  private final String tenantId;
  private volatile Converted cache;

  /** @param tenantId the tenant stamped on every finding */
  public DarktraceFrameProcessor(String tenantId) {
    this.tenantId = tenantId == null ? "" : tenantId;
  }

  private record Converted(TenantSettings settings, String tenantId, TenantContext context) {}

  private record Formats(IntegrationConfig integration, AcceptedFormats formats) {}

  private volatile Formats formatsCache;

  /** The tenant context for {@code settings}, converted once per configuration. */
  private TenantContext context(TenantSettings settings, String tenantId) {
    Converted c = cache;
    if (c != null && c.settings() == settings && c.tenantId().equals(tenantId)) {
      return c.context();
    }
    List<IpRange> ranges = new ArrayList<>();
    for (String cidr : settings.internalIpRanges()) {
      try {
        ranges.add(IpRange.parse(cidr));
      } catch (RuntimeException e) {
        // central validates ranges; one it sent that we cannot read is skipped, not fatal
      }
    }
    TenantContext context = new TenantContext(tenantId, settings.internalDomains(), ranges);
    cache = new Converted(settings, tenantId, context);
    return context;
  }

  /** The accepted formats of {@code integration}, parsed once per configuration. */
  private AcceptedFormats formats(IntegrationConfig integration) {
    Formats f = formatsCache;
    if (f != null && f.integration() == integration) {
      return f.formats();
    }
    AcceptedFormats parsed;
    try {
      parsed = AcceptedFormats.parse(String.join(",", integration.acceptedFormats()));
    } catch (RuntimeException e) {
      parsed = AcceptedFormats.CEF_ONLY;
    }
    formatsCache = new Formats(integration, parsed);
    return parsed;
  }

  @Override
  public Outcome process(byte[] frame, int offset, int length, long receiveTimeMillis,
      IntegrationConfig integration, TenantSettings tenant) {
    DarktraceResult result;
    try {
      result = pipeline.process(frame, offset, length, receiveTimeMillis,
          context(tenant, tenantId), formats(integration));
    } catch (RuntimeException e) {
      // The pipeline promises not to throw; if it does, this frame is lost, not the connection.
      return new Outcome.Rejected(null, "PIPELINE_ERROR", e.toString());
    }
    if (result instanceof DarktraceResult.Accepted a) {
      String host = a.senderHostname() != null ? a.senderHostname() : a.syslog().hostname();
      DetectionFinding finding = a.finding();
      return new Outcome.Accepted(host, KIND_NAMES[a.kind().ordinal()], a.testAlert(),
          sink -> OcsfJsonWriter.writeTo(finding, sink.stream()));
    }
    DarktraceResult.Rejected r = (DarktraceResult.Rejected) result;
    return new Outcome.Rejected(r.syslog() == null ? null : r.syslog().hostname(), r.code(),
        r.detail());
  }
}
