package io.netroi.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoTest {
  @Test
  void eachDistinctInputIsComputedOnceAndNullResultsAreRemembered() {
    List<String> calls = new ArrayList<>();
    Memo memo = new Memo(10, s -> {
      calls.add(s);
      return s == null || s.isBlank() ? null : s.trim().toLowerCase();
    });
    assertEquals("ana", memo.apply(" Ana "));
    assertEquals("ana", memo.apply(" Ana "));
    assertNull(memo.apply("  "));
    assertNull(memo.apply("  "));
    assertEquals(List.of(" Ana ", "  "), calls);
  }

  @Test
  void whenFullItStartsAfreshAndStillAnswersTheSame() {
    List<String> calls = new ArrayList<>();
    Memo memo = new Memo(2, s -> {
      calls.add(s);
      return s + "!";
    });
    for (String s : List.of("a", "b", "c", "a")) {
      assertEquals(s + "!", memo.apply(s));
    }
    assertEquals(List.of("a", "b", "c", "a"), calls, "a was forgotten when the memo filled up");
  }

  @Test
  void aRememberedResultIsTheFunctionsResult() {
    assertEquals(Identifiers.normaliseName("José  O'Brien"), new Memo(5, Identifiers::normaliseName).apply("José  O'Brien"));
  }
}
