package dev.sluice.lake.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * A set of non-negative longs kept as disjoint, non-adjacent ranges {@code [start, end)}. Spool
 * offsets arrive mostly consecutive, so an appliance's whole history is a handful of ranges.
 * Not thread-safe.
 */
public final class OffsetRanges {

  private final TreeMap<Long, Long> ranges = new TreeMap<>();

  public boolean contains(long value) {
    Map.Entry<Long, Long> floor = ranges.floorEntry(value);
    return floor != null && value < floor.getValue();
  }

  /** Adds one value; returns false if it was already present. */
  public boolean add(long value) {
    return addRange(value, value + 1);
  }

  /** Adds {@code [start, end)}; returns false if nothing new was added. */
  public boolean addRange(long start, long end) {
    if (start >= end) {
      return false;
    }
    Map.Entry<Long, Long> floor = ranges.floorEntry(start);
    if (floor != null && floor.getValue() >= end) {
      return false;
    }
    long newStart = start;
    long newEnd = end;
    if (floor != null && floor.getValue() >= start) {
      newStart = floor.getKey();
      newEnd = Math.max(newEnd, floor.getValue());
      ranges.remove(floor.getKey());
    }
    Map.Entry<Long, Long> next = ranges.ceilingEntry(newStart);
    while (next != null && next.getKey() <= newEnd) {
      newEnd = Math.max(newEnd, next.getValue());
      ranges.remove(next.getKey());
      next = ranges.ceilingEntry(newStart);
    }
    ranges.put(newStart, newEnd);
    return true;
  }

  public int rangeCount() {
    return ranges.size();
  }

  public void forEachRange(BiConsumer<Long, Long> consumer) {
    ranges.forEach(consumer);
  }
}
