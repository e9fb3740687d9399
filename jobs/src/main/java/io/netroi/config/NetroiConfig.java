package io.netroi.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The effective configuration of one run: an immutable, sorted map of string keys.
 *
 * <p>Precedence, lowest first: built-in defaults ({@code netroi-defaults.properties}), then the
 * {@code --config} file, then each {@code --conf key=value} in order, then typed command-line
 * flags such as {@code --input}. A later source replaces a key set by an earlier one.
 */
public final class NetroiConfig implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  static final String DEFAULTS_RESOURCE = "/netroi-defaults.properties";
  private static final List<String> SECRET_MARKERS = List.of("secret", "password", "token", "hmac");

  private final TreeMap<String, String> values;

  private NetroiConfig(Map<String, String> values) {
    this.values = new TreeMap<>(values);
  }

  /** The built-in defaults alone. */
  public static NetroiConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public String get(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new ConfigException("missing configuration key '" + key + "'");
    }
    return v;
  }

  public Optional<String> find(String key) {
    String v = values.get(key);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  public int getInt(String key) {
    String v = get(key).trim();
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new ConfigException("configuration key '" + key + "' must be a whole number, got '" + v + "'");
    }
  }

  public double getDouble(String key) {
    String v = get(key).trim();
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new ConfigException("configuration key '" + key + "' must be a number, got '" + v + "'");
    }
  }

  public boolean getBoolean(String key) {
    String v = get(key).trim().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new ConfigException("configuration key '" + key + "' must be true or false, got '" + v + "'");
  }

  /** Comma-separated list, trimmed, empty entries dropped. */
  public List<String> getList(String key) {
    return find(key).map(v -> java.util.Arrays.stream(v.split(","))
            .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList()))
        .orElse(List.of());
  }

  /** Every key under a prefix, e.g. {@code spark.} for settings handed to Spark. */
  public Map<String, String> withPrefix(String prefix) {
    return Collections.unmodifiableMap(values.subMap(prefix, prefix + Character.MAX_VALUE));
  }

  public Map<String, String> asMap() {
    return Collections.unmodifiableMap(values);
  }

  /** A copy with one key replaced. */
  public NetroiConfig with(String key, String value) {
    TreeMap<String, String> copy = new TreeMap<>(values);
    copy.put(key, value);
    return new NetroiConfig(copy);
  }

  /** Sorted {@code key=value} lines with secrets masked, for the run log and the manifest. */
  public List<String> describe() {
    return masked().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.toList());
  }

  /** The configuration with every secret value replaced by {@code ****}. */
  public Map<String, String> masked() {
    TreeMap<String, String> out = new TreeMap<>();
    values.forEach((k, v) -> out.put(k, isSecret(k) && !v.isEmpty() ? "****" : v));
    return out;
  }

  static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    if (k.endsWith(".file") || k.endsWith(".path")) {
      return false;
    }
    return k.equals("netroi.key") || SECRET_MARKERS.stream().anyMatch(k::contains);
  }

  /** Accumulates sources in precedence order. */
  public static final class Builder {
    private final TreeMap<String, String> values = new TreeMap<>();

    private Builder() {
      try (InputStream in = NetroiConfig.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
        if (in == null) {
          throw new ConfigException("built-in defaults " + DEFAULTS_RESOURCE + " are missing from the jar");
        }
        load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8), DEFAULTS_RESOURCE);
      } catch (IOException e) {
        throw new ConfigException("cannot read built-in defaults: " + e.getMessage(), e);
      }
    }

    /** Reads a Java properties file (UTF-8). */
    public Builder file(Path file) {
      if (!Files.isRegularFile(file)) {
        throw new ConfigException("config file " + file + " does not exist");
      }
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        load(r, file.toString());
      } catch (IOException e) {
        throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
      }
      return this;
    }

    /** One {@code key=value} override as given to {@code --conf}. */
    public Builder override(String assignment) {
      int eq = assignment.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException("--conf expects key=value, got '" + assignment + "'");
      }
      return set(assignment.substring(0, eq).trim(), assignment.substring(eq + 1).trim());
    }

    public Builder set(String key, String value) {
      values.put(key, value);
      return this;
    }

    public NetroiConfig build() {
      return new NetroiConfig(values);
    }

    private void load(Reader reader, String source) throws IOException {
      Properties p = new Properties();
      p.load(reader);
      for (String name : p.stringPropertyNames()) {
        values.put(name, p.getProperty(name).trim());
      }
    }
  }
}
