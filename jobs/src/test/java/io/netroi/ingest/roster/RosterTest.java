package io.netroi.ingest.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netroi.ingest.Problem;
import io.netroi.io.InputException;
import io.netroi.io.InputFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterTest {
  static InputFiles input(Path dir) {
    return new InputFiles(new org.apache.hadoop.fs.Path(dir.toUri()), new Configuration());
  }

  @Test
  void consentTimezonesAndDuplicatesAreCheckedRowByRow(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("roster.csv"), "\uFEFFmember_id,display_name,team,profile_url,timezone,consent\n"
        + "m01,Priya Shah,Recruiting,https://www.linkedin.com/in/priya,Europe/London,yes\n"
        + "m02,Tom Berg,Sales,,America/New_York,no\n"
        + "m01,Again,Sales,,UTC,yes\n"
        + "\n"
        + "m03,Zed,Sales,,Mars/Olympus,yes\n"
        + "m04,Yan,Sales,,Asia/Kolkata,maybe\n");
    Roster.Result r = Roster.read(input(dir));
    assertEquals(List.of("m01", "m02"), r.members().stream().map(Roster.Member::memberId).toList());
    assertEquals(List.of("m01"), r.consenting().stream().map(Roster.Member::memberId).toList());
    assertEquals(List.of("excluded:no_consent", "rejected:duplicate_member", "rejected:invalid_timezone",
        "rejected:invalid_value"), r.problems().stream().map(Problem::metric).toList());
    assertEquals(List.of(3L, 4L, 6L, 7L), r.problems().stream().map(Problem::rowNumber).toList(),
        "rows are physical lines; the blank line 5 is skipped");
    assertEquals(5, r.rowsRead());
  }

  @Test
  void missingRosterOrColumnsIsAClearErrorNamingTheFile(@TempDir Path dir) throws Exception {
    InputException missing = assertThrows(InputException.class, () -> Roster.read(input(dir)));
    assertTrue(missing.getMessage().startsWith("roster.csv"), missing.getMessage());
    Files.writeString(dir.resolve("roster.csv"), "member_id,team\nm01,Sales\n");
    InputException columns = assertThrows(InputException.class, () -> Roster.read(input(dir)));
    assertTrue(columns.getMessage().contains("[timezone, consent]"), columns.getMessage());
  }
}
