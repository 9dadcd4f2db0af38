package io.vtmsync.vtm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a cluster's admin password comes from. It is read on every request, so a rotated Secret
 * file is picked up without a restart, and the password itself is never kept in the config.
 */
public sealed interface PasswordSource {

  /**
   * Reads the password now.
   *
   * @throws IllegalStateException naming the cluster, the key and the file or variable
   */
  String read(String cluster);

  /**
   * What stops {@link #read} now (naming the key and the file or variable, never the password), or
   * empty when the password can be read.
   */
  default java.util.Optional<String> problem(String cluster) {
    try {
      read(cluster);
      return java.util.Optional.empty();
    } catch (IllegalStateException e) {
      return java.util.Optional.of(e.getMessage());
    }
  }

  /** The password is the content of a file (a mounted Secret), without the trailing newline. */
  record File(Path path) implements PasswordSource {
    public File {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String read(String cluster) {
      String text;
      try {
        text = Files.readString(path, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw problem(cluster, "cannot read it: " + e.getClass().getSimpleName());
      }
      // Editors and `kubectl create secret --from-file` often leave a newline; it is never meant.
      String password = text.replaceAll("[\r\n]+$", "");
      if (password.isEmpty()) {
        throw problem(cluster, "the file is empty");
      }
      return password;
    }

    private IllegalStateException problem(String cluster, String why) {
      return new IllegalStateException(
          "config key vtm." + cluster + ".password-file='" + path + "': " + why);
    }
  }

  /** The password is the value of an environment variable. */
  record Env(String variable) implements PasswordSource {
    public Env {
      if (variable == null || variable.isBlank()) {
        throw new IllegalArgumentException("an environment variable name is required");
      }
    }

    @Override
    public String read(String cluster) {
      String value = System.getenv(variable);
      if (value == null || value.isEmpty()) {
        throw new IllegalStateException(
            "config key vtm."
                + cluster
                + ".password-env='"
                + variable
                + "': environment variable "
                + variable
                + (value == null ? " is not set" : " is empty"));
      }
      return value;
    }
  }
}
