package dev.sluice.console.central;

import dev.sluice.central.appliance.ApplianceView;
import dev.sluice.central.health.ApplianceState;
import dev.sluice.central.image.ApplianceImage;
import dev.sluice.central.image.ImageService;
import dev.sluice.console.backend.Appliances;
import dev.sluice.console.backend.Outcome;
import dev.sluice.console.backend.Principal;
import dev.sluice.wire.image.NetworkMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@link Appliances} on central's appliance and image services. Central reports an image as
 * building (with the share of the build's bytes read so far) or ready.
 */
final class CentralAppliances implements Appliances {

  private final CentralCalls calls;
  CentralAppliances(CentralCalls calls) {
    this.calls = calls;
  }

  @Override
  public List<Appliance> list(Principal principal) {
    return calls.read(principal, p -> calls.central().appliances().list(p).stream()
        .map(CentralAppliances::appliance).toList()).orElse(List.of());
  }

  @Override
  public Optional<Appliance> get(Principal principal, String applianceId) {
    return calls.read(principal, p -> calls.central().appliances().get(p, applianceId))
        .map(CentralAppliances::appliance);
  }

  @Override
  public Outcome<Image> buildImage(Principal principal, String applianceId, Platform platform) {
    return calls.attempt(principal,
        p -> image(calls.central().images().request(p, applianceId, wire(platform))));
  }

  @Override
  public Optional<Image> image(Principal principal, String applianceId, Platform platform) {
    return calls.read(principal, p -> calls.central().images().status(p, applianceId, wire(platform)))
        .map(CentralAppliances::image);
  }

  @Override
  public Optional<Download> download(Principal principal, String applianceId, Platform platform) {
    try {
      return calls.read(principal, p -> calls.central().images().download(p, applianceId, wire(platform)))
          .map(CentralAppliances::open);
    } catch (dev.sluice.central.api.ApiException e) {
      return Optional.empty();
    }
  }

  private static Download open(ImageService.Download file) {
    try {
      return new Download(file.fileName(), "application/octet-stream", file.size(),
          Files.newInputStream(file.file()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Appliance appliance(ApplianceView v) {
    Network network = v.network().mode() == NetworkMode.DHCP ? Network.dhcp()
        : new Network(Network.Mode.MANUAL, v.network().address(), v.network().prefix(),
            v.network().gateway(), v.network().dns());
    return new Appliance(v.id(), v.name(), v.description(), platform(v.platform()), network,
        "ipv6".equals(v.syslog().ipVersion()) ? IpVersion.IPV6 : IpVersion.IPV4,
        v.syslog().address(), v.state().id(), v.state() == ApplianceState.ONLINE,
        v.lastHeartbeatAt(), v.version(), v.integrations().size(), v.createdAt());
  }

  static Image image(ApplianceImage i) {
    Platform platform = platform(i.platform());
    long size = i.sizeBytes() == null ? 0 : i.sizeBytes();
    if (ApplianceImage.BUILDING.equals(i.state())) {
      int percent = i.progressPercent() == null ? 0 : i.progressPercent();
      return new Image(platform, Image.State.BUILDING, percent, null, null, 0);
    }
    if (ApplianceImage.FAILED.equals(i.state())) {
      return new Image(platform, Image.State.FAILED, 0, i.failureReason(), null, 0);
    }
    return switch (i.secretState()) {
      case ApplianceImage.USED, ApplianceImage.SUPERSEDED ->
          new Image(platform, Image.State.CONSUMED, 100, null, i.readyAt(), size);
      case ApplianceImage.EXPIRED -> new Image(platform, Image.State.FAILED, 0,
          "Its enrollment secret expired before an appliance used it. Create a new image.",
          i.readyAt(), size);
      default -> new Image(platform, Image.State.READY, 100, null, i.readyAt(), size);
    };
  }

  static Platform platform(dev.sluice.wire.image.Platform platform) {
    return platform == dev.sluice.wire.image.Platform.HYPERV ? Platform.HYPERV : Platform.ESXI;
  }

  static dev.sluice.wire.image.Platform wire(Platform platform) {
    return platform == Platform.HYPERV ? dev.sluice.wire.image.Platform.HYPERV
        : dev.sluice.wire.image.Platform.ESXI;
  }

  static Comparator<ApplianceImage> newestFirst() {
    return Comparator.comparing(ApplianceImage::createdAt).reversed();
  }
}
