package io.netroi.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import io.netroi.spark.Sparks;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base for Spark tests: spark-testing-base's shared context, started once per JVM (local[2], UI
 * off, two shuffle partitions, UTC) and never stopped between classes, so the suite stays fast.
 */
public abstract class SparkTestBase extends JavaDataFrameSuiteBase {
  private static final SparkConf CONF = testConf();

  private static SparkConf testConf() {
    SparkConf c = new SparkConf()
        .setMaster("local[2]")
        .setAppName("netroi-tests")
        .set("spark.ui.enabled", "false")
        .set("spark.sql.shuffle.partitions", "2")
        .set("spark.default.parallelism", "2")
        .set("spark.sql.adaptive.enabled", "false")
        .set("spark.driver.host", "127.0.0.1");
    Sparks.PINNED.forEach(c::set);
    return c;
  }

  @Override
  public SparkConf conf() {
    return CONF;
  }

  @Override
  public boolean enableHiveSupport() {
    return false;
  }

  @BeforeEach
  public void startSpark() {
    runBefore();
  }

  /** A small inline DataFrame with an explicit schema. */
  protected Dataset<Row> df(StructType schema, Object[]... rows) {
    List<Row> list = Arrays.stream(rows).map(RowFactory::create).toList();
    return spark().createDataFrame(list, schema);
  }

  protected static Object[] row(Object... values) {
    return values;
  }
}
