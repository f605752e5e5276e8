package dev.sluice.appliance.forward;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.sluice.appliance.event.SpooledEvent;
import dev.sluice.wire.ingest.EventId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an ingest batch body ({@code dev.sluice.wire.ingest.IngestBatch} as gzip-compressed
 * JSON, the lake's format) straight from spooled events: the OCSF JSON each event already holds
 * is copied in as it is instead of being parsed into a tree and written again. Compression is
 * gzip at its fastest level.
 */
final class IngestBodyWriter {
  private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();

  private IngestBodyWriter() {}

  /** One spooled event with its spool offset. */
  record Item(long offset, SpooledEvent event) {}

  static byte[] write(String applianceId, String batchId, String integrationId,
      List<Item> items) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024 + items.size() * 400);
    try (OutputStream out = new FastGzip(bytes)) {
      out.write(ascii("{\"batchId\":"));
      string(out, batchId);
      out.write(ascii(",\"integrationId\":"));
      string(out, integrationId);
      out.write(ascii(",\"events\":["));
      boolean first = true;
      for (Item item : items) {
        SpooledEvent e = item.event();
        if (!first) {
          out.write(',');
        }
        first = false;
        out.write(ascii("{\"eventId\":"));
        string(out, new EventId(applianceId, item.offset()).toString());
        out.write(ascii(",\"receiveTime\":" + e.receiveTimeMillis() + ",\"sender\":{\"hostname\":"));
        if (e.senderHostname() == null) {
          out.write(ascii("null"));
        } else {
          string(out, e.senderHostname());
        }
        out.write(ascii(",\"address\":"));
        string(out, e.senderAddress());
        out.write(ascii("},\"alertKind\":"));
        string(out, e.alertKind());
        out.write(ascii(e.testAlert() ? ",\"testAlert\":true,\"ocsf\":"
            : ",\"testAlert\":false,\"ocsf\":"));
        out.write(e.ocsfJson());
        out.write('}');
      }
      out.write(ascii("]}"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void string(OutputStream out, String s) throws IOException {
    out.write('"');
    out.write(STRINGS.quoteAsUTF8(s));
    out.write('"');
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 64 * 1024);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
