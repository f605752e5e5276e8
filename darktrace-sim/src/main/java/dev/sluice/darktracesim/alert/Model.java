package dev.sluice.darktracesim.alert;

import java.util.List;
import java.util.Objects;

/**
 * A Darktrace model: the rule whose breach is reported.
 *
 * @param path model path with Darktrace's {@code ::} separators ({@code
 *     "Anomalous Connection::Data Sent to Rare Domain"}); CEF renders it with {@code /}
 * @param pid model id (the CEF Signature ID of its breaches)
 * @param phid model history id
 * @param uuid model uuid
 * @param priority model priority, 0–5
 * @param category behaviour category
 * @param mitreTechniques MITRE ATT&amp;CK technique ids ({@code T1071.001}), possibly empty
 * @param description the model's description
 */
public record Model(
    String path,
    int pid,
    int phid,
    String uuid,
    int priority,
    ModelCategory category,
    List<String> mitreTechniques,
    String description) {

  /** The model every <em>Verify alert sending</em> test alert reports. */
  public static final String TEST_MODEL_NAME = "Unrestricted Test Model";

  public Model {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(description, "description");
    if (path.isBlank()) {
      throw new IllegalArgumentException("model path must not be blank");
    }
    if (priority < 0 || priority > 5) {
      throw new IllegalArgumentException("model priority must be 0-5, was " + priority);
    }
    mitreTechniques = List.copyOf(mitreTechniques);
  }

  /** The model path as CEF's Name shows it: {@code ::} rendered as {@code /}. */
  public String cefName() {
    return path.replace("::", "/");
  }

  /** The first path element ({@code "Anomalous Connection"}). */
  public String family() {
    int sep = path.indexOf("::");
    return sep < 0 ? path : path.substring(0, sep);
  }

  public boolean isTestModel() {
    return TEST_MODEL_NAME.equals(path);
  }
}
