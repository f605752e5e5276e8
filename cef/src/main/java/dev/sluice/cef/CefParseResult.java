package dev.sluice.cef;

import java.util.List;
import java.util.Objects;

/** What {@link CefParser} returns: a {@link Parsed} event or a {@link Rejected} message. */
public sealed interface CefParseResult permits CefParseResult.Parsed, CefParseResult.Rejected {

  /** A CEF event (possibly with {@linkplain CefEvent#repairs() repairs}). */
  record Parsed(CefEvent event) implements CefParseResult {
    public Parsed {
      Objects.requireNonNull(event, "event");
    }
  }

  /**
   * Not readable as CEF.
   *
   * @param code stable code
   * @param detail a short human-readable explanation (never the whole message)
   * @param prefix text before {@code CEF:} (the whole message for {@code NOT_CEF})
   * @param headerFields the header fields read, unescaped, starting with the version; for a
   *     truncated header the last element is the unterminated remainder
   */
  record Rejected(CefRejectionCode code, String detail, String prefix, List<String> headerFields)
      implements CefParseResult {
    public Rejected {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(prefix, "prefix");
      headerFields = List.copyOf(headerFields);
    }
  }
}
