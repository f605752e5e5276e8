package dev.sluice.central.image;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.sluice.wire.image.Platform;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * An image of an appliance for one platform.
 *
 * @param state {@code building}, {@code ready} or {@code failed}
 * @param failureReason why the build failed
 * @param secretState {@code unused}, {@code used} (an appliance enrolled with it) or
 *     {@code superseded} (a newer image was created); expiry is reported as {@code expired}
 * @param progressPercent while {@code building}: how much of the build is done, 0–99, measured in
 *     bytes read by the builder; null in the other states
 */
public record ApplianceImage(
    String id,
    @JsonIgnore String tenantId,
    String applianceId,
    Platform platform,
    String state,
    String failureReason,
    @JsonIgnore String fileName,
    Long sizeBytes,
    String sha256,
    String secretState,
    Instant secretExpiresAt,
    Instant createdAt,
    Instant readyAt,
    Instant usedAt,
    Integer progressPercent) {

  public static final String BUILDING = "building";
  public static final String READY = "ready";
  public static final String FAILED = "failed";

  public static final String UNUSED = "unused";
  public static final String USED = "used";
  public static final String SUPERSEDED = "superseded";
  public static final String EXPIRED = "expired";

  /** Where to download it (relative to the public URL). */
  @JsonProperty("downloadPath")
  public String downloadPath() {
    return "/api/v1/appliances/" + applianceId + "/images/" + platform.id() + "/download";
  }

  /** The secret state with expiry applied at {@code now}. */
  public ApplianceImage at(Instant now) {
    if (UNUSED.equals(secretState) && !now.isBefore(secretExpiresAt)) {
      return new ApplianceImage(id, tenantId, applianceId, platform, state, failureReason, fileName, sizeBytes, sha256,
          EXPIRED, secretExpiresAt, createdAt, readyAt, usedAt, progressPercent);
    }
    return this;
  }

  /** This image with the builder's progress while it is {@code building}. */
  public ApplianceImage withProgress(OptionalInt percent) {
    Integer value = BUILDING.equals(state) ? Integer.valueOf(percent.orElse(0)) : null;
    if (java.util.Objects.equals(value, progressPercent)) {
      return this;
    }
    return new ApplianceImage(id, tenantId, applianceId, platform, state, failureReason, fileName, sizeBytes, sha256,
        secretState, secretExpiresAt, createdAt, readyAt, usedAt, value);
  }
}
