package io.netroi.ingest.invitations;

import static io.netroi.ingest.Cols.field;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import io.netroi.identity.Identifiers;
import io.netroi.ingest.Cols;
import io.netroi.ingest.text.Lexicon;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Invitations.csv: direction, the other person, member-local send time, personalised or not. */
public final class Invitations {
  /** {@code 3/14/25, 2:37 PM}: the member's wall clock. */
  static final List<String> LOCAL_FORMATS = List.of("M/d/yy, h:mm a", "M/d/yyyy, h:mm a", "M/d/yy, H:mm",
      "yyyy-MM-dd HH:mm:ss");

  private Invitations() {}

  /** @param raw raw invitation records joined with members (needs timezone). */
  public static Dataset<Row> parse(Dataset<Row> raw, Lexicon lexicon) {
    return raw.transform(Invitations::withSentAt)
        .transform(Invitations::withCounterpart)
        .transform(df -> withNote(df, lexicon));
  }

  static Dataset<Row> withSentAt(Dataset<Row> df) {
    Column rawTs = field("sent_at");
    Column local = Cols.timestampIn(rawTs, LOCAL_FORMATS);
    return df.withColumn("sent_at", Cols.localToUtc(local, col("timezone")))
        .withColumn("problem", coalesce(col("problem"), Cols.dateProblem(rawTs, col("sent_at"))));
  }

  /** The contact is the invitee of an outgoing and the inviter of an incoming invitation. */
  static Dataset<Row> withCounterpart(Dataset<Row> df) {
    Column dir = upper(trim(field("direction")));
    Column outgoing = dir.equalTo("OUTGOING");
    Column name = when(outgoing, field("to")).otherwise(field("from"));
    Column url = when(outgoing, field("invitee_url")).otherwise(field("inviter_url"));
    return df.withColumn("direction", when(outgoing, lit("out")).when(dir.equalTo("INCOMING"), lit("in")))
        .withColumn("url", Identifiers.urlColumn(url))
        .withColumn("email", lit(null).cast("string"))
        .withColumn("name", Identifiers.nameColumn(name))
        .withColumn("company", lit(null).cast("string"))
        .withColumn("problem", coalesce(col("problem"),
            when(col("direction").isNull(), lit("rejected:invalid_value")),
            when(col("url").isNull().and(col("name").isNull()), lit("rejected:unidentifiable_contact"))));
  }

  static Dataset<Row> withNote(Dataset<Row> df, Lexicon lexicon) {
    Column note = trim(coalesce(field("message"), lit("")));
    Column text = Lexicon.plainText(note);
    return df.withColumn("is_personalised", length(note).gt(0))
        .withColumn("note_length", length(note))
        .withColumn("note_is_pitch", length(note).gt(0).and(lexicon.matches(Lexicon.PITCH, text)))
        .withColumn("note_is_social", length(note).gt(0).and(lexicon.matches(Lexicon.SOCIAL, text)))
        .drop("fields");
  }
}
