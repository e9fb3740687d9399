package io.netroi.generate;

import static io.netroi.generate.Formats.DAY;
import static io.netroi.generate.Formats.HOUR;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Conversations between two members. Both members' generators rebuild the same conversation from
 * the pair's own random stream, so it appears identically in both exports.
 */
final class Colleagues {
  private Colleagues() {}

  record Line(long ts, boolean fromLow, String text) {}

  record Pair(String conversationId, long firstTs, long connectedAt, List<Line> lines) {}

  static Pair pair(Plan plan, Plan.Member a, Plan.Member b) {
    Plan.Member low = a.idx < b.idx ? a : b;
    Plan.Member high = a.idx < b.idx ? b : a;
    SplittableRandom r = Rng.stream(plan.seed, 7_000_000_000L + (long) low.idx * 100_003L + high.idx);
    long from = Math.max(low.windowStart, high.windowStart) + DAY;
    long to = Math.min(low.windowEnd, high.windowEnd) - 2 * DAY;
    byte[] id = new byte[18];
    r.nextBytes(id);
    String conversationId = "2-" + Base64.getEncoder().encodeToString(id);
    long connectedAt = Rng.between(r, from, from + (to - from) / 3);
    List<Line> lines = new ArrayList<>();
    long t = connectedAt + Rng.between(r, DAY, 20 * DAY);
    int n = 4 + r.nextInt(14);
    boolean fromLow = r.nextBoolean();
    for (int i = 0; i < n && t < to; i++) {
      Person sender = fromLow ? low.person : high.person;
      Person recipient = fromLow ? high.person : low.person;
      double u = r.nextDouble();
      List<String> bank = u < 0.6 ? Texts.COLLEAGUE : u < 0.8 ? Texts.SOCIAL : Texts.NEUTRAL_REPLY;
      lines.add(new Line(t, fromLow, Texts.fill(Rng.pick(r, bank), r, sender, recipient, null)));
      t += Rng.between(r, 10 * 60, 30 * DAY);
      if (r.nextInt(4) > 0) {
        fromLow = !fromLow;
      }
      if (Rng.chance(r, 0.05)) {
        t += Rng.between(r, 60 * DAY, 200 * DAY);
      }
    }
    if (lines.isEmpty()) {
      lines.add(new Line(from + HOUR, true, Texts.fill(Texts.COLLEAGUE.get(0), r, low.person, high.person, null)));
    }
    return new Pair(conversationId, lines.get(0).ts(), connectedAt, lines);
  }
}
