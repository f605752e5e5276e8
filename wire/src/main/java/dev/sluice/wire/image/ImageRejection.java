package dev.sluice.wire.image;

/** Why an appliance image was refused: stable codes. */
public enum ImageRejection {
  /** The file cannot be read. */
  UNREADABLE,
  /** Neither an OVA (tar) nor a Hyper-V package (zip). */
  NOT_AN_IMAGE,
  /** The members are not descriptor, manifest, payload in that order, or there are extra or too many. */
  WRONG_MEMBER_ORDER,
  /** The manifest is not in the expected format, or is too large. */
  MANIFEST_MALFORMED,
  /** A member has no digest in the manifest, or the manifest names a missing member. */
  DIGEST_MISSING,
  /** A member's SHA-256 differs from the manifest. */
  DIGEST_MISMATCH,
  /** The OVF descriptor or Hyper-V definition breaks a structure rule. */
  DESCRIPTOR_INVALID,
  /** The bootstrap configuration is missing or invalid. */
  BOOTSTRAP_INVALID
}
