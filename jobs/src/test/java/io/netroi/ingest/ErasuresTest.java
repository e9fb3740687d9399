package io.netroi.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netroi.ingest.roster.Roster;
import io.netroi.io.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErasuresTest {
  @Test
  void peopleByUrlOrEmailMembersByIdAndEveryRowInTheLedger(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("erasures.csv"), String.join("\n", "identifier",
        "https://www.LinkedIn.com/in/Someone-1/?trk=x", " Someone@Example.COM ", "member:m07", "MEMBER: m08",
        "member:bad id!", "not an identifier") + "\n");
    Erasures.Loaded l = Erasures.read(new InputFiles(new org.apache.hadoop.fs.Path(dir.toUri()), new Configuration()));
    assertEquals(Set.of("url:https://linkedin.com/in/someone-1", "email:someone@example.com"), l.identifiers());
    assertEquals(Set.of("m07", "m08"), l.members());
    assertEquals(List.of(2L, 3L, 4L, 5L, 6L, 7L), l.ledger().stream().map(Problem::rowNumber).toList());
    assertEquals(2, l.ledger().stream().filter(p -> "rejected:invalid_value".equals(p.metric())).count());
  }

  @Test
  void anErasedMembersRosterRowIsExcludedAsErased(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("roster.csv"), "member_id,team,timezone,consent\nm1,Sales,UTC,yes\n"
        + "m2,Sales,UTC,no\nm3,Ops,UTC,yes\n");
    Roster.Result r = Roster.read(new InputFiles(new org.apache.hadoop.fs.Path(dir.toUri()), new Configuration()))
        .erase(Set.of("m2", "m3", "m99"));
    assertEquals(List.of("m1"), r.members().stream().map(Roster.Member::memberId).toList());
    assertEquals(Set.of("m2", "m3"), r.erased());
    assertEquals(List.of("m2:excluded:erased", "m3:excluded:erased"),
        r.problems().stream().map(p -> p.memberId() + ":" + p.metric()).sorted().toList(),
        "m2's no_consent row becomes erased; nothing else names them");
  }
}
