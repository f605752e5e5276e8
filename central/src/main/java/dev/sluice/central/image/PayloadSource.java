package dev.sluice.central.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where the appliance software put into images comes from: a version and the jars of a runtime
 * class path.
 */
public interface PayloadSource {
  String version();

  /** The jars, existing files. */
  List<Path> jars();

  /** A fixed version and jar list (tests). */
  static PayloadSource of(String version, List<Path> jars) {
    Objects.requireNonNull(version, "version");
    List<Path> copy = List.copyOf(jars);
    return new PayloadSource() {
      @Override
      public String version() {
        return version;
      }

      @Override
      public List<Path> jars() {
        return copy;
      }
    };
  }

  /**
   * The running installation: the launcher sets {@code -Dsluice.home=<repository root>}, whose
   * {@code cli/target/classpath.txt} lists the runtime class path and {@code cli/target} holds the
   * CLI jar. Without {@code sluice.home} the JVM's own class path (jar entries only) is used.
   */
  static PayloadSource fromInstallation() {
    String version = Objects.requireNonNullElse(PayloadSource.class.getPackage().getImplementationVersion(), "0.1.0-SNAPSHOT");
    return new PayloadSource() {
      @Override
      public String version() {
        return version;
      }

      @Override
      public List<Path> jars() {
        String home = System.getProperty("sluice.home");
        List<Path> jars = new ArrayList<>();
        try {
          if (home != null) {
            Path target = Path.of(home, "cli", "target");
            try (var files = Files.list(target)) {
              files.filter(f -> f.getFileName().toString().matches("sluice-cli-.*\\.jar")
                      && !f.getFileName().toString().endsWith("-sources.jar"))
                  .forEach(jars::add);
            }
            Path classpath = target.resolve("classpath.txt");
            if (Files.exists(classpath)) {
              addJars(jars, Files.readString(classpath).strip());
            }
          } else {
            addJars(jars, System.getProperty("java.class.path", ""));
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list the appliance software", e);
        }
        return jars;
      }

      private void addJars(List<Path> jars, String classpath) {
        Arrays.stream(classpath.split(java.io.File.pathSeparator))
            .filter(entry -> entry.endsWith(".jar"))
            .map(Path::of)
            .filter(Files::isRegularFile)
            .filter(jar -> jars.stream().noneMatch(j -> j.getFileName().equals(jar.getFileName())))
            .forEach(jars::add);
      }
    };
  }
}
