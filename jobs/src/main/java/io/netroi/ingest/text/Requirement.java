package io.netroi.ingest.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A necessary condition for a regex to match, over the literal strings a text contains: a literal,
 * all of several conditions, or any of several ({@link RequiredLiterals} derives it). A text for
 * which it does not hold cannot match, so the regex need not run.
 */
sealed interface Requirement extends Serializable {

  /** Whether the condition holds for a text, given which literals it contains ({@link #numbered}'s test). */
  default boolean holds(Predicate<String> contains) {
    List<String> literals = literals().distinct().toList();
    BitSet present = new BitSet(literals.size());
    for (int i = 0; i < literals.size(); i++) {
      if (contains.test(literals.get(i))) {
        present.set(i);
      }
    }
    return numbered(literals::indexOf).test(present);
  }

  /** Every literal the condition mentions. */
  Stream<String> literals();

  /**
   * The same condition on numbered literals: {@code number} gives each literal's index, and the
   * test takes the set of indexes present in a text (cheaper than string lookups per text).
   */
  Predicate<BitSet> numbered(ToIntFunction<String> number);

  /** The text contains this string. */
  record Literal(String text) implements Requirement {
    @Override
    public Stream<String> literals() {
      return Stream.of(text);
    }

    @Override
    public Predicate<BitSet> numbered(ToIntFunction<String> number) {
      int n = number.applyAsInt(text);
      return present -> present.get(n);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** Every part holds. */
  record AllOf(List<Requirement> parts) implements Requirement {
    @Override
    public Stream<String> literals() {
      return parts.stream().flatMap(Requirement::literals);
    }

    @Override
    public Predicate<BitSet> numbered(ToIntFunction<String> number) {
      return numberedParts(parts, number, true);
    }

    @Override
    public String toString() {
      return parts.stream().map(Requirement::toString).collect(Collectors.joining(" & ", "(", ")"));
    }
  }

  /** At least one part holds. */
  record AnyOf(List<Requirement> parts) implements Requirement {
    @Override
    public Stream<String> literals() {
      return parts.stream().flatMap(Requirement::literals);
    }

    @Override
    public Predicate<BitSet> numbered(ToIntFunction<String> number) {
      return numberedParts(parts, number, false);
    }

    @Override
    public String toString() {
      return parts.stream().map(Requirement::toString).collect(Collectors.joining(" | ", "(", ")"));
    }
  }

  /**
   * The parts' numbered tests, all of which ({@code all}) or one of which must hold,
   * stopping at the first that decides.
   */
  private static Predicate<BitSet> numberedParts(List<Requirement> parts, ToIntFunction<String> number, boolean all) {
    List<Predicate<BitSet>> tests = parts.stream().map(p -> p.numbered(number)).toList();
    return present -> {
      for (Predicate<BitSet> t : tests) {
        if (t.test(present) != all) {
          return !all;
        }
      }
      return all;
    };
  }

  /** All of the parts (null: none known), nested conjunctions flattened, one part as itself. */
  static Requirement allOf(List<Requirement> parts) {
    return combine(parts, true);
  }

  /** Any of the parts (null: none known), nested disjunctions flattened, one part as itself. */
  static Requirement anyOf(List<Requirement> parts) {
    return combine(parts, false);
  }

  private static Requirement combine(List<Requirement> parts, boolean all) {
    List<Requirement> flat = new ArrayList<>();
    for (Requirement p : parts) {
      List<Requirement> inner = all && p instanceof AllOf a ? a.parts() : !all && p instanceof AnyOf o ? o.parts()
          : List.of(p);
      inner.stream().filter(q -> !flat.contains(q)).forEach(flat::add);
    }
    if (flat.isEmpty()) {
      return null;
    }
    return flat.size() == 1 ? flat.get(0) : all ? new AllOf(List.copyOf(flat)) : new AnyOf(List.copyOf(flat));
  }
}
