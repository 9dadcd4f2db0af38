package io.vtmsync.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A node label selector in kubectl's short form: {@code key=value}, {@code key!=value}, {@code key}
 * and {@code !key}, joined by commas; all terms must hold. Empty selects every node.
 */
public final class LabelSelector {

  private static final Pattern KEY =
      Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9._/-]{0,251}[A-Za-z0-9])?$");
  private static final Pattern VALUE =
      Pattern.compile("^([A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)?$");

  private record Term(String key, String value, boolean negated) {}

  private final List<Term> terms;
  private final String text;

  private LabelSelector(List<Term> terms, String text) {
    this.terms = terms;
    this.text = text;
  }

  public static final LabelSelector ALL = new LabelSelector(List.of(), "");

  public static LabelSelector parse(String text) {
    if (text == null || text.isBlank()) {
      return ALL;
    }
    List<Term> terms = new ArrayList<>();
    for (String raw : text.split(",")) {
      terms.add(term(raw.trim(), text));
    }
    return new LabelSelector(List.copyOf(terms), text.trim());
  }

  private static Term term(String t, String whole) {
    boolean neq = t.contains("!=");
    String[] kv = neq ? t.split("!=", 2) : t.split("=", 2);
    String key = kv[0].trim();
    boolean absent = !neq && kv.length == 1 && key.startsWith("!");
    key = absent ? key.substring(1) : key;
    String value = kv.length == 2 ? kv[1].trim() : null;
    if (!KEY.matcher(key).matches() || (value != null && !VALUE.matcher(value).matches())) {
      throw new IllegalArgumentException(
          "invalid label selector '" + whole + "': use key=value, key!=value, key or !key");
    }
    return new Term(key, value, neq || absent);
  }

  public boolean matches(Map<String, String> labels) {
    for (Term t : terms) {
      boolean hit =
          t.value == null ? labels.containsKey(t.key) : Objects.equals(labels.get(t.key), t.value);
      if (hit == t.negated) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return text;
  }
}
