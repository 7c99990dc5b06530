package org.watchfloor.runtime;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the memory of every RocksDB store of a process, as the Kafka Streams memory-management guide does: one
 * block cache shared by all stores, with index and filter blocks in it, and memtables counted against it by one write
 * buffer manager. Without it each store of each task keeps its own 50 MB cache and three 16 MB memtables, so a
 * stage's resident memory grows with its stores until they are all full. Set by the enricher and alerting stages
 * ({@code rocksdb.config.setter}).
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {
  /** Everything RocksDB may hold in memory in one process: blocks, indexes, filters and memtables. */
  public static final long TOTAL_BYTES = 64L * 1024 * 1024;
  /** Of which memtables. */
  public static final long MEMTABLE_BYTES = 16L * 1024 * 1024;
  private static final double INDEX_FILTER_RATIO = 0.1;

  private static final Cache CACHE = new LRUCache(TOTAL_BYTES, -1, false, INDEX_FILTER_RATIO);
  private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(CACHE);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setWriteBufferManager(WRITE_BUFFERS);
    options.setMaxWriteBufferNumber(2);
    options.setWriteBufferSize(4L * 1024 * 1024);
    options.setTableFormatConfig(table);
  }

  @Override
  public void close(String storeName, Options options) {
    // the cache and the write buffer manager are shared by every store of the process: never closed here
  }
}
