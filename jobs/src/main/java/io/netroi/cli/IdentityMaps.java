package io.netroi.cli;

import io.netroi.config.NetroiConfig;
import io.netroi.identity.IdentityMap;
import io.netroi.publish.Publication;
import io.netroi.spark.Sparks;
import io.netroi.spark.Tables;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** After a publication: the identity maps kept are those of the ingest runs the kept versions came from. */
final class IdentityMaps {
  private IdentityMaps() {}

  static void retainReferenced(SparkSession spark, NetroiConfig config, Publication publication) {
    boolean local = Sparks.isLocal(spark);
    if (!IdentityMap.configured(config, local)) {
      return;
    }
    Set<String> runIds = new TreeSet<>();
    for (String root : publication.versionRoots()) {
      if (exists(spark, Tables.path(root, "run_manifest"))) {
        for (Row r : Tables.read(spark, root, "run_manifest").select("run_id").collectAsList()) {
          runIds.add(r.getString(0));
        }
      }
    }
    IdentityMap.retain(spark, config, local, publication.out(), runIds);
  }

  private static boolean exists(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
