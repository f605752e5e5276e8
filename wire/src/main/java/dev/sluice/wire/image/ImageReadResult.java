package dev.sluice.wire.image;

import java.util.Objects;

/** What {@link ApplianceImageReader#read} found: a verified image, or why it was refused. */
public sealed interface ImageReadResult permits ImageReadResult.Verified, ImageReadResult.Rejected {

  /**
   * Every digest matched and the descriptor is valid.
   *
   * @param platform the image's platform
   * @param bootstrap the bootstrap configuration it carries
   * @param payloadName the disk payload member's name
   * @param payloadSize its size in bytes
   * @param payloadSha256 its SHA-256 (lower-case hex)
   */
  record Verified(Platform platform, BootstrapConfig bootstrap, String payloadName, long payloadSize, String payloadSha256)
      implements ImageReadResult {
    public Verified {
      Objects.requireNonNull(platform, "platform");
      Objects.requireNonNull(bootstrap, "bootstrap");
    }
  }

  /** The image was refused with a stable code and a detail for people. */
  record Rejected(ImageRejection code, String detail) implements ImageReadResult {
    public Rejected {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
