package org.watchfloor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

class BoundedRocksDbTest {
  @Test
  void everyStoreSharesOneBoundedCacheWithItsIndexesFiltersAndMemtablesInIt() {
    RocksDB.loadLibrary();
    try (Options options = new Options()) {
      options.setTableFormatConfig(new BlockBasedTableConfig());
      new BoundedRocksDb().setConfig("store", options, Map.of());

      BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
      assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
      assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
      assertThat(options.maxWriteBufferNumber()).isEqualTo(2);
      assertThat(options.writeBufferSize()).isEqualTo(4L * 1024 * 1024);
      assertThat(BoundedRocksDb.MEMTABLE_BYTES).isLessThan(BoundedRocksDb.TOTAL_BYTES);
    }
  }
}
