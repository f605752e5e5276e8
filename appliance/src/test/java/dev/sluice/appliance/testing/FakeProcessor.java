package dev.sluice.appliance.testing;

import dev.sluice.appliance.receive.FrameProcessor;

import dev.sluice.wire.control.IntegrationConfig;
import dev.sluice.wire.control.TenantSettings;
import java.nio.charset.StandardCharsets;

/**
 * A hand-written processor for listener tests: a frame {@code [<pri>]<host> CEF:...} is accepted with
 * that host name (its OCSF record is {@code {"message": <frame>}}); anything else is rejected as
 * {@code NOT_CEF}.
 */
public final class FakeProcessor implements FrameProcessor {
  @Override
  public Outcome process(byte[] frame, int offset, int length, long receiveTimeMillis,
      IntegrationConfig integration, TenantSettings tenant) {
    String text = new String(frame, offset, length, StandardCharsets.UTF_8);
    if (text.startsWith("<") && text.indexOf('>') > 0) {
      text = text.substring(text.indexOf('>') + 1);
    }
    int space = text.indexOf(' ');
    if (space < 0 || !text.startsWith("CEF:", space + 1)) {
      return new Outcome.Rejected(space > 0 ? text.substring(0, space) : null, "NOT_CEF",
          "no CEF header");
    }
    String json = "{\"message\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    return new Outcome.Accepted(text.substring(0, space), "model_breach",
        text.contains("test"), json.getBytes(StandardCharsets.UTF_8));
  }
}
