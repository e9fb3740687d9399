package io.netroi.ingest.files;

import java.io.Serializable;

/**
 * One unit of reading work: a member's zip archive or a single file of an unzipped export.
 *
 * @param memberId the rostered member the export belongs to
 * @param exportId the archive or top-level export folder (relative path), which de-duplication
 *     and the observation date work by
 * @param exportDate ISO date parsed from the archive or folder name, or null
 * @param uri absolute file-system URI to open
 * @param relativePath path relative to the input folder, as written to tables
 * @param zip whether this is an archive to read entry by entry
 */
public record ExportSource(
    String memberId, String exportId, String exportDate, String uri, String relativePath, boolean zip)
    implements Serializable {}
