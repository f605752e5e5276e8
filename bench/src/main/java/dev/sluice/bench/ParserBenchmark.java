package dev.sluice.bench;

import com.fluenda.parcefone.event.CommonEvent;
import com.github.jcustenborder.netty.syslog.CEFMessage;
import com.github.jcustenborder.netty.syslog.CEFMessageParser;
import com.github.jcustenborder.netty.syslog.SyslogRequest;
import dev.sluice.cef.CefEvent;
import dev.sluice.cef.CefParseResult;
import dev.sluice.cef.CefParser;
import dev.sluice.syslog.FrameHandler;
import dev.sluice.syslog.Framing;
import dev.sluice.syslog.SyslogFramer;
import dev.sluice.syslog.SyslogMessage;
import dev.sluice.syslog.SyslogParser;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread parser throughput over the {@link DarktraceMix}: Sluice (framing from one byte
 * stream + syslog header + CEF) side by side with the three Java peers of BENCHMARKS.md §1, which
 * get each message already framed as a String, with a header variant they accept. One operation
 * is one message.
 *
 * <p>{@link #checkEveryParserReadsTheSameMessages} runs once per trial: every peer must return a
 * result for every message with the same vendor, product, signature id and name as Sluice;
 * extension maps that differ (peer bugs) are counted and printed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ParserBenchmark {

  static final int MESSAGES = 2000;
  static final long SEED = 20261127L;

  private DarktraceMix mix;
  private final SyslogParser syslogParser = new SyslogParser();
  private final CefParser cefParser = new CefParser();
  private final CEFMessageParser nettyParser = new CEFMessageParser();
  private final com.fluenda.parcefone.parser.CEFParser parcefone =
      new com.fluenda.parcefone.parser.CEFParser();
  private final com.github.jcustenborder.cef.CEFParser cefParserPeer =
      com.github.jcustenborder.cef.CEFParserFactory.create();
  private List<SyslogRequest> nettyInput;
  private List<byte[]> parcefoneInput;
  private List<String> cefParserInput;
  private long receivedAt;

  @Setup
  public void setUp() {
    mix = new DarktraceMix(MESSAGES, SEED);
    receivedAt = System.currentTimeMillis();
    nettyInput = new ArrayList<>();
    for (String line : mix.withBsdPrefix(true)) {
      nettyInput.add(new Request(line));
    }
    parcefoneInput = new ArrayList<>();
    for (String line : mix.messages) {
      parcefoneInput.add(line.getBytes(StandardCharsets.UTF_8));
    }
    cefParserInput = mix.withBsdPrefix(false);
    checkEveryParserReadsTheSameMessages();
  }

  /** Framing + syslog + CEF, reading what a normalizer needs first (vendor, product, ids). */
  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void sluice(Blackhole blackhole) {
    SyslogFramer framer = new SyslogFramer(new Sink(blackhole, false));
    framer.feed(mix.lfStream);
    framer.endOfStream();
  }

  /** As {@link #sluice}, but materializing every header string and every extension value. */
  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void sluiceAllFields(Blackhole blackhole) {
    SyslogFramer framer = new SyslogFramer(new Sink(blackhole, true));
    framer.feed(mix.lfStream);
    framer.endOfStream();
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void nettyCodecSyslog(Blackhole blackhole) {
    for (SyslogRequest request : nettyInput) {
      blackhole.consume(nettyParser.parse(request));
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void parcefone(Blackhole blackhole) {
    for (byte[] line : parcefoneInput) {
      blackhole.consume(parcefone.parse(line, true));
    }
  }

  @Benchmark
  @OperationsPerInvocation(MESSAGES)
  public void cefParser(Blackhole blackhole) {
    for (String line : cefParserInput) {
      blackhole.consume(cefParserPeer.parse(line));
    }
  }

  /** What the framer hands each frame to: syslog header, then CEF from the MSG part. */
  private final class Sink implements FrameHandler {
    private final Blackhole blackhole;
    private final boolean allFields;

    Sink(Blackhole blackhole, boolean allFields) {
      this.blackhole = blackhole;
      this.allFields = allFields;
    }

    @Override
    public void onFrame(byte[] bytes, int offset, int length, Framing framing) {
      SyslogMessage syslog = syslogParser.parse(bytes, offset, length, receivedAt);
      CefParseResult result = cefParser.parse(bytes, syslog.messageOffset(),
          syslog.messageEnd() - syslog.messageOffset());
      CefEvent event = ((CefParseResult.Parsed) result).event();
      blackhole.consume(event.isVendor("Darktrace"));
      blackhole.consume(event.extensionCount());
      blackhole.consume(syslog.timestampEpochSecond());
      if (allFields) {
        blackhole.consume(syslog.hostname());
        blackhole.consume(syslog.appName());
        blackhole.consume(event.deviceVendor());
        blackhole.consume(event.deviceProduct());
        blackhole.consume(event.deviceVersion());
        blackhole.consume(event.signatureId());
        blackhole.consume(event.name());
        blackhole.consume(event.severity());
        blackhole.consume(event.extensions());
      }
    }
  }

  /** Parses the mix with every parser; throws if a peer misses a message or reads a header differently. */
  void checkEveryParserReadsTheSameMessages() {
    List<CefEvent> ours = new ArrayList<>();
    SyslogFramer framer = new SyslogFramer((bytes, offset, length, framing) -> {
      byte[] frame = java.util.Arrays.copyOfRange(bytes, offset, offset + length);
      SyslogMessage syslog = syslogParser.parse(frame, 0, frame.length, receivedAt);
      CefParseResult result = cefParser.parse(frame, syslog.messageOffset(),
          syslog.messageEnd() - syslog.messageOffset());
      ours.add(((CefParseResult.Parsed) result).event());
    });
    framer.feed(mix.lfStream);
    framer.endOfStream();
    require(ours.size() == MESSAGES, "sluice framed " + ours.size() + " messages");
    int nettyDiffs = 0;
    int parcefoneDiffs = 0;
    int cefParserDiffs = 0;
    for (int i = 0; i < MESSAGES; i++) {
      CefEvent expected = ours.get(i);
      CEFMessage netty = nettyParser.parse(nettyInput.get(i));
      require(netty != null, "netty-codec-syslog did not parse message " + i);
      sameHeader("netty-codec-syslog", i, expected, netty.deviceVendor(), netty.deviceProduct(),
          netty.deviceEventClassId(), netty.name());
      nettyDiffs += expected.extensions().equals(netty.extension()) ? 0 : 1;

      CommonEvent event = parcefone.parse(parcefoneInput.get(i), true);
      require(event != null, "parcefone did not parse message " + i);
      Map<String, Object> header = header(event);
      sameHeader("parcefone", i, expected, header.get("deviceVendor"), header.get("deviceProduct"),
          header.get("deviceEventClassId"), header.get("name"));
      parcefoneDiffs += sameKeys(expected, extension(event)) ? 0 : 1;

      com.github.jcustenborder.cef.Message message = cefParserPeer.parse(cefParserInput.get(i));
      require(message != null, "cef-parser did not parse message " + i);
      sameHeader("cef-parser", i, expected, message.deviceVendor(), message.deviceProduct(),
          message.deviceEventClassId(), message.name());
      cefParserDiffs += expected.extensions().equals(message.extensions()) ? 0 : 1;
    }
    System.out.printf("%nAll parsers read all %d messages with identical headers. Messages whose"
        + " extensions differ from Sluice's: netty-codec-syslog %d, parcefone %d (key sets),"
        + " cef-parser %d.%n", MESSAGES, nettyDiffs, parcefoneDiffs, cefParserDiffs);
  }

  private static void sameHeader(String peer, int index, CefEvent expected, Object vendor,
      Object product, Object signatureId, Object name) {
    require(expected.deviceVendor().equals(String.valueOf(vendor))
            && expected.deviceProduct().equals(String.valueOf(product))
            && expected.signatureId().equals(String.valueOf(signatureId))
            && expected.name().equals(String.valueOf(name)),
        peer + " read a different header for message " + index);
  }

  private static boolean sameKeys(CefEvent expected, Map<String, Object> extension) {
    return extension != null && expected.extensions().keySet().equals(extension.keySet());
  }

  private static Map<String, Object> header(CommonEvent event) {
    try {
      return event.getHeader();
    } catch (Exception e) {
      throw new IllegalStateException("parcefone header", e);
    }
  }

  private static Map<String, Object> extension(CommonEvent event) {
    try {
      return event.getExtension(true, true);
    } catch (Exception e) {
      throw new IllegalStateException("parcefone extension", e);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  /** netty-codec-syslog's input type. */
  private record Request(String rawMessage) implements SyslogRequest {
    Request {
      Objects.requireNonNull(rawMessage);
    }

    @Override
    public Date receivedDate() {
      return new Date(0);
    }

    @Override
    public InetAddress remoteAddress() {
      return InetAddress.getLoopbackAddress();
    }
  }
}
