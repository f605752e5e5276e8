package dev.sluice.lake.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/**
 * Groups the payloads of a WAL segment by partition ({@code tenant}, {@code day}), so that each
 * partition is written by a plain {@code COPY} into one file. DuckDB's {@code PARTITION_BY}
 * copies every row into per-partition buffers first, which doubled the CPU time of a conversion
 * (docs/benchmarks.md §4). A batch almost always belongs to one tenant and one day; a batch that
 * spans several partitions is given to each of them, marked {@code mixed}, and the copy filters it.
 */
final class WalPartitions {

  private WalPartitions() {}

  /** A partition of the {@code alerts} table. */
  record Partition(String tenant, LocalDate day) {}

  /** The payloads holding rows of one partition; {@code mixed}: some also hold rows of others. */
  record Group(List<byte[]> payloads, boolean mixed) {}

  /** The payloads of each partition, partitions in tenant and day order, payloads in WAL order. */
  static Map<Partition, Group> split(List<byte[]> payloads, BufferAllocator allocator) throws IOException {
    Map<Partition, List<byte[]>> members = new TreeMap<>(
        Comparator.comparing(Partition::tenant).thenComparing(Partition::day));
    Set<Partition> mixed = new HashSet<>();
    for (byte[] payload : payloads) {
      Set<Partition> present = partitions(payload, allocator);
      for (Partition p : present) {
        members.computeIfAbsent(p, k -> new ArrayList<>()).add(payload);
        if (present.size() > 1) {
          mixed.add(p);
        }
      }
    }
    Map<Partition, Group> out = new LinkedHashMap<>();
    members.forEach((p, list) -> out.put(p, new Group(list, mixed.contains(p))));
    return out;
  }

  private static Set<Partition> partitions(byte[] payload, BufferAllocator allocator) throws IOException {
    Set<Partition> out = new HashSet<>();
    try (ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(payload), allocator)) {
      if (!reader.loadNextBatch()) {
        return out;
      }
      VectorSchemaRoot root = reader.getVectorSchemaRoot();
      VarCharVector tenant = (VarCharVector) root.getVector("tenant");
      DateDayVector day = (DateDayVector) root.getVector("day");
      String lastTenant = null;
      int lastDay = Integer.MIN_VALUE;
      for (int i = 0; i < root.getRowCount(); i++) {
        String t = new String(tenant.get(i), StandardCharsets.UTF_8);
        int d = day.get(i);
        if (!t.equals(lastTenant) || d != lastDay) {
          out.add(new Partition(t, LocalDate.ofEpochDay(d)));
          lastTenant = t;
          lastDay = d;
        }
      }
    }
    return out;
  }
}
