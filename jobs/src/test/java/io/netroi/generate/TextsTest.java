package io.netroi.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Template banks are unambiguous against the documented cue lists; names are unique. */
class TextsTest {
  private static final Pattern PITCH = Texts.cuePattern(Texts.PITCH_CUES);
  private static final Pattern SOCIAL = Texts.cuePattern(Texts.SOCIAL_CUES);
  private static final Pattern INTRO = Texts.cuePattern(Texts.INTRO_CUES);

  private static void every(List<String> bank, Pattern cue, String what) {
    for (String t : bank) {
      assertTrue(cue.matcher(t).find(), what + " template without a cue: " + t);
    }
  }

  private static void none(List<String> bank, Pattern cue, String what) {
    for (String t : bank) {
      assertFalse(cue.matcher(t).find(), what + " cue in: " + t);
    }
  }

  @Test
  void pitchBanksCarryPitchCuesAndNothingElseDoes() {
    every(Texts.PITCH_SALES, PITCH, "pitch");
    every(Texts.PITCH_RECRUITING, PITCH, "pitch");
    for (List<String> bank : List.of(Texts.RELATIONSHIP, Texts.SOCIAL, Texts.INTRO, Texts.AFTER_INTRO, Texts.INTRO_THANKS,
        Texts.NEUTRAL_REPLY, Texts.FOLLOW_UP, Texts.CHECK_IN, Texts.GROUP, Texts.COLLEAGUE, Texts.INBOUND,
        Texts.TOPICS, Texts.EVENTS)) {
      none(bank, PITCH, "pitch");
    }
  }

  @Test
  void socialBankCarriesSocialCuesAndNothingElseDoes() {
    every(Texts.SOCIAL, SOCIAL, "social");
    for (List<String> bank : List.of(Texts.PITCH_SALES, Texts.PITCH_RECRUITING, Texts.RELATIONSHIP, Texts.INTRO,
        Texts.AFTER_INTRO, Texts.INTRO_THANKS, Texts.NEUTRAL_REPLY, Texts.FOLLOW_UP, Texts.CHECK_IN, Texts.GROUP,
        Texts.COLLEAGUE, Texts.INBOUND, Texts.TOPICS, Texts.EVENTS)) {
      none(bank, SOCIAL, "social");
    }
  }

  @Test
  void introBankCarriesIntroCuesAndNothingElseDoes() {
    every(Texts.INTRO, INTRO, "intro");
    for (List<String> bank : List.of(Texts.PITCH_SALES, Texts.PITCH_RECRUITING, Texts.RELATIONSHIP, Texts.SOCIAL,
        Texts.AFTER_INTRO, Texts.INTRO_THANKS, Texts.NEUTRAL_REPLY, Texts.FOLLOW_UP, Texts.CHECK_IN, Texts.GROUP,
        Texts.COLLEAGUE, Texts.INBOUND, Texts.TOPICS, Texts.EVENTS)) {
      none(bank, INTRO, "intro");
    }
  }

  @Test
  void fillersCarryNoCues() {
    List<String> words = new ArrayList<>(People.FIRST);
    words.addAll(People.REAL_LAST);
    words.addAll(People.companyWords());
    words.addAll(People.POSITIONS);
    People people = new People(7);
    for (int i = 0; i < 50_000; i += 7) {
      words.add(people.person(i).name());
    }
    for (String w : words) {
      for (Pattern p : List.of(PITCH, SOCIAL, INTRO)) {
        assertFalse(p.matcher(w).find(), "cue inside a name: " + w);
      }
    }
  }

  @Test
  void namesEmailsAndSlugsAreUnique() {
    People people = new People(7);
    Set<String> names = new HashSet<>();
    Set<String> folded = new HashSet<>();
    Set<String> slugs = new HashSet<>();
    int[] ranges = {0, 40_000, (int) people.singleNames() - 2_000, (int) people.singleNames() + 2_000};
    for (int start : ranges) {
      for (int i = start; i < start + 4_000; i++) {
        Person p = people.person(i);
        assertTrue(names.add(p.name()), "unique name " + p.name());
        assertTrue(folded.add(People.fold(People.stripEmoji(p.name()))), "unique folded name " + p.name());
        assertTrue(slugs.add(p.slug()), "unique slug " + p.slug());
      }
    }
    Set<String> first = new HashSet<>();
    People.FIRST.forEach(f -> assertTrue(first.add(People.fold(f)), "first names differ after folding: " + f));
  }

  @Test
  void slugsLookLikeLinkedIns() {
    assertEquals("david-ter%C3%A1n-4b1a2c", People.slug("David", "Terán", true, 0x4b1a2c));
    assertEquals("david-teran-4b1a2c", People.slug("David", "Terán", false, 0x4b1a2c));
    assertEquals("anna-chen-000001", People.slug("Anna", "Chen 🚀", false, 1));
  }

  @Test
  void datesAreWrittenLikeTheExports() {
    java.time.ZoneId london = java.time.ZoneId.of("Europe/London");
    long t = java.time.ZonedDateTime.of(2017, 11, 6, 2, 8, 20, 0, london).toEpochSecond();
    assertEquals("November 6, 2017, 2:08 AM", Formats.inbox(t, london));
    assertEquals("2017-11-06T02:08:20", Formats.iso2020(t));
    assertEquals("2017-11-06 02:08:20 UTC", Formats.utc(t));
    assertEquals("11/6/17, 2:08 AM", Formats.invitation(t, london));
    assertEquals("01-Jul-17", Formats.excel(java.time.LocalDate.of(2017, 7, 1)));
    assertEquals("15 Nov 2025", Formats.connectedOn(java.time.LocalDate.of(2025, 11, 15)));
    assertEquals("11-10-2025", Formats.archiveDate(java.time.LocalDate.of(2025, 11, 10)));
    assertEquals("2017-11-06T02:08:20Z", Formats.isoOffset(t, london));
    java.time.ZoneId kolkata = java.time.ZoneId.of("Asia/Kolkata");
    assertEquals("2017-11-06T07:38:20+05:30", Formats.isoOffset(t, kolkata));
    assertEquals("12:30 PM", Formats.invitation(java.time.ZonedDateTime.of(2025, 3, 14, 12, 30, 0, 0, london)
        .toEpochSecond(), london).substring(9));
  }
}
