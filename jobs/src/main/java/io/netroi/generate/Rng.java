package io.netroi.generate;

import java.util.SplittableRandom;

/** Seeding helpers: every random stream is keyed by the run's seed and a purpose, never shared. */
final class Rng {
  private Rng() {}

  /** SplitMix64 finaliser over (seed, key): a well-mixed 64-bit seed for a derived stream. */
  static long mix(long seed, long key) {
    long z = seed * 0x9E3779B97F4A7C15L + key + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    z = (z + key * 0xD6E8FEB86659FD93L) * 0x9E3779B97F4A7C15L;
    return z ^ (z >>> 29);
  }

  static SplittableRandom stream(long seed, long key) {
    return new SplittableRandom(mix(seed, key));
  }

  /** Uniform in [lo, hi). */
  static long between(SplittableRandom r, long lo, long hi) {
    return hi <= lo ? lo : r.nextLong(lo, hi);
  }

  static double uniform(SplittableRandom r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  static boolean chance(SplittableRandom r, double p) {
    return r.nextDouble() < p;
  }

  static <T> T pick(SplittableRandom r, java.util.List<T> xs) {
    return xs.get(r.nextInt(xs.size()));
  }
}
