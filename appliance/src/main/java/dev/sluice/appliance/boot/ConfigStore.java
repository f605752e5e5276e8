package dev.sluice.appliance.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.wire.control.ApplianceConfig;
import dev.sluice.wire.control.ControlJson;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The last configuration pulled from central, {@code DIR/config.json}
 * ({@code {"etag": "...", "config": ApplianceConfig}}), so the appliance starts its listeners
 * even when central is unreachable. Replaced atomically.
 */
public final class ConfigStore {
  private static final ObjectMapper JSON = ControlJson.mapper();
  private final Path file;

  /** A configuration with its entity tag. */
  public record Stored(ApplianceConfig config, String etag) {}

  public ConfigStore(Path dataDir) {
    this.file = dataDir.resolve("config.json");
  }

  public Optional<Stored> load() throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode root = JSON.readTree(file.toFile());
    return Optional.of(new Stored(JSON.treeToValue(root.get("config"), ApplianceConfig.class),
        root.path("etag").asText()));
  }

  public void save(ApplianceConfig config, String etag) throws IOException {
    Files.createDirectories(file.getParent());
    ObjectNode root = JSON.createObjectNode();
    root.put("etag", etag);
    root.set("config", JSON.valueToTree(config));
    Path tmp = file.resolveSibling("config.json.tmp");
    Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Removes the stored configuration (enrollment that could not complete). */
  public void deleteQuietly() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // nothing more to undo
    }
  }
}
