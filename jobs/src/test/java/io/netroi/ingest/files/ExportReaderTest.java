package io.netroi.ingest.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportReaderTest {
  static final String CONNECTIONS = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
      + "Ana,Souza,https://www.linkedin.com/in/ana,,Globex,CTO,15 Nov 2025\n";

  static byte[] zip(String... namesAndContents) throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(buf)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        z.putNextEntry(new ZipEntry(namesAndContents[i]));
        z.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return buf.toByteArray();
  }

  static FileSystem localFs() throws Exception {
    return FileSystem.getLocal(new Configuration());
  }

  @Test
  void zipEntriesAreMatchedByBaseNameAtAnyDepthAndUnsafeNamesAreRefused(@TempDir Path dir) throws Exception {
    Path member = Files.createDirectories(dir.resolve("exports/m01"));
    Files.write(member.resolve("Complete_LinkedInDataExport_11-17-2025.zip"), zip(
        "Complete_LinkedInDataExport_11-17-2025/Connections.csv", CONNECTIONS,
        "../escape.csv", "First Name,Last Name,Connected On\nx,y,01 Jan 2020\n",
        "Skills.csv", "Name\nJava\n"));
    List<ExportSource> sources = ExportCatalog.sources(localFs(), new org.apache.hadoop.fs.Path(dir.toUri()), "m01");
    assertEquals(1, sources.size());
    ExportSource zip = sources.get(0);
    assertTrue(zip.zip());
    assertEquals("2025-11-17", zip.exportDate());
    List<RawRecord> records = ExportReader.read(zip, localFs());
    RawRecord row = records.stream().filter(r -> r.recordType().equals(RawRecord.ROW)).findFirst().orElseThrow();
    assertEquals("connections", row.fileKind());
    assertEquals("exports/m01/Complete_LinkedInDataExport_11-17-2025.zip!"
        + "Complete_LinkedInDataExport_11-17-2025/Connections.csv", row.sourceFile());
    assertEquals(2, row.rowNumber());
    RawRecord unsafe = records.stream().filter(r -> ExportReader.UNSAFE_ZIP_ENTRY.equals(r.problem()))
        .findFirst().orElseThrow();
    assertTrue(unsafe.sourceFile().endsWith("!../escape.csv"));
    assertFalse(Files.exists(dir.resolve("exports/escape.csv")), "nothing is ever extracted");
    RawRecord archive = records.get(records.size() - 1);
    assertEquals("archive", archive.fileKind());
    assertEquals(64, archive.fields().get(RawRecord.SHA256).length());
  }

  @Test
  void corruptZipYieldsOnlyItsRejectAndTheMembersOtherExportStillReads(@TempDir Path dir) throws Exception {
    Path member = Files.createDirectories(dir.resolve("exports/m02"));
    byte[] good = zip("messages.csv", "FROM,TO,DATE,SUBJECT,CONTENT,DIRECTION,FOLDER\n");
    byte[] truncated = java.util.Arrays.copyOf(zip("Connections.csv", CONNECTIONS.repeat(50)), 60);
    Files.write(member.resolve("Basic_LinkedInDataExport_03-02-2024.zip"), truncated);
    Files.write(member.resolve("not-a-zip.zip"), "hello".getBytes(StandardCharsets.UTF_8));
    Path doubled = Files.createDirectories(member.resolve(
        "Complete_LinkedInDataExport_11-10-2025/Complete_LinkedInDataExport_11-10-2025"));
    Files.writeString(doubled.resolve("Connections.csv"), CONNECTIONS);
    List<ExportSource> sources = ExportCatalog.sources(localFs(), new org.apache.hadoop.fs.Path(dir.toUri()), "m02");
    assertEquals(3, sources.size());
    for (ExportSource s : sources) {
      List<RawRecord> records = ExportReader.read(s, localFs());
      if (s.zip()) {
        assertEquals(1, records.size(), s.relativePath());
        assertEquals(ExportReader.CORRUPT_ZIP, records.get(0).problem());
      } else {
        assertEquals("Complete_LinkedInDataExport_11-10-2025", s.exportId(), "the doubled folder is one export");
        assertEquals("2025-11-10", s.exportDate());
        assertEquals(2, records.size());
        assertNull(records.get(1).problem());
      }
    }
    assertTrue(good.length > 0);
  }

  @Test
  void unsafeNames() {
    assertFalse(ExportReader.isSafeEntryName("../x.csv"));
    assertFalse(ExportReader.isSafeEntryName("a/../../x.csv"));
    assertFalse(ExportReader.isSafeEntryName("/etc/passwd"));
    assertFalse(ExportReader.isSafeEntryName("C:\\Windows\\x.csv"));
    assertFalse(ExportReader.isSafeEntryName("..\\x.csv"));
    assertTrue(ExportReader.isSafeEntryName("Export_11-10-2025/messages.csv"));
    assertTrue(ExportReader.isSafeEntryName("a..b.csv"));
  }
}
