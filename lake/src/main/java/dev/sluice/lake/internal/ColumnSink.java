package dev.sluice.lake.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Where {@link BatchDecoder} puts the values of one OCSF column tree node ({@link OcsfColumns}):
 * a struct, a list or a leaf vector, addressed by index. Every index of a row is written either
 * with a value or as null (a rejected event's row is overwritten by the next event, so nothing
 * may be left from it).
 */
abstract sealed class ColumnSink permits ColumnSink.StructSink, ColumnSink.ListSink, ColumnSink.LeafSink {

  /** Marks {@code index} null, and everything below it. */
  abstract void setNull(int index);

  static ColumnSink of(OcsfColumns.Node node, ValueVector vector) {
    if (node instanceof OcsfColumns.Leaf leaf) {
      return new LeafSink(leaf.kind(), vector);
    }
    if (node instanceof OcsfColumns.Struct struct) {
      return new StructSink(struct, (StructVector) vector);
    }
    OcsfColumns.ListOf list = (OcsfColumns.ListOf) node;
    ListVector listVector = (ListVector) vector;
    return new ListSink(listVector, of(list.element(), listVector.getDataVector()));
  }

  /** A struct column: children by name, each with a bit in a {@code long} of "written" bits. */
  static final class StructSink extends ColumnSink {
    final StructVector vector;
    final ColumnSink[] children;
    private final Map<String, Integer> slots = new HashMap<>();
    private static final int UNKNOWN = -2;
    private int[] slotByAttribute;

    StructSink(OcsfColumns.Struct struct, StructVector vector) {
      List<OcsfColumns.Node> nodes = struct.children();
      if (nodes.size() > 64) {
        throw new IllegalArgumentException(struct.name() + " has more than 64 columns");
      }
      this.vector = vector;
      this.children = new ColumnSink[nodes.size()];
      for (int i = 0; i < nodes.size(); i++) {
        children[i] = of(nodes.get(i), vector.getChild(nodes.get(i).name()));
        slots.put(nodes.get(i).name(), i);
      }
    }

    /** The child's slot, or -1 when the struct has no column of that name. */
    int slot(String name) {
      Integer slot = slots.get(name);
      return slot == null ? -1 : slot;
    }

    /**
     * As {@link #slot(String)} for attribute {@code attribute} (its index) of the shape this
     * struct holds ({@code attributes} of them), remembered per attribute.
     */
    int slot(int attribute, String name, int attributes) {
      if (slotByAttribute == null) {
        slotByAttribute = new int[attributes];
        Arrays.fill(slotByAttribute, UNKNOWN);
      }
      int slot = slotByAttribute[attribute];
      if (slot == UNKNOWN) {
        slot = slot(name);
        slotByAttribute[attribute] = slot;
      }
      return slot;
    }

    /** Nulls the children whose bit in {@code written} is clear. */
    void nullUnwritten(int index, long written) {
      for (int i = 0; i < children.length; i++) {
        if ((written & (1L << i)) == 0) {
          children[i].setNull(index);
        }
      }
    }

    @Override
    void setNull(int index) {
      vector.setNull(index);
      nullUnwritten(index, 0L);
    }
  }

  /** A list column and the sink of its elements. */
  static final class ListSink extends ColumnSink {
    final ListVector vector;
    final ColumnSink element;

    ListSink(ListVector vector, ColumnSink element) {
      this.vector = vector;
      this.element = element;
    }

    @Override
    void setNull(int index) {
      vector.setNull(index);
    }
  }

  /** A leaf vector of one {@link OcsfColumns.Kind}. */
  static final class LeafSink extends ColumnSink {
    final OcsfColumns.Kind kind;
    final ValueVector vector;

    LeafSink(OcsfColumns.Kind kind, ValueVector vector) {
      this.kind = kind;
      this.vector = vector;
    }

    @Override
    void setNull(int index) {
      switch (kind) {
        case STRING -> ((VarCharVector) vector).setNull(index);
        case INT -> ((IntVector) vector).setNull(index);
        case LONG -> ((BigIntVector) vector).setNull(index);
        case DOUBLE -> ((Float8Vector) vector).setNull(index);
        case BOOLEAN -> ((BitVector) vector).setNull(index);
      }
    }
  }

  /** Sets a UTF-8 string from a char range, without a String in between for ASCII text. */
  static final class Utf8 {
    private byte[] buffer = new byte[256];

    void set(VarCharVector vector, int index, char[] chars, int offset, int length) {
      if (buffer.length < length) {
        buffer = new byte[Math.max(length, buffer.length * 2)];
      }
      // No branch in the loop: the copy stays a straight (vectorizable) pass; non-ASCII is rare.
      int any = 0;
      for (int i = 0; i < length; i++) {
        char c = chars[offset + i];
        any |= c;
        buffer[i] = (byte) c;
      }
      if (any >= 0x80) {
        byte[] bytes = new String(chars, offset, length).getBytes(StandardCharsets.UTF_8);
        vector.setSafe(index, bytes, 0, bytes.length);
        return;
      }
      vector.setSafe(index, buffer, 0, length);
    }

    void set(VarCharVector vector, int index, String text) {
      if (text == null) {
        vector.setNull(index);
        return;
      }
      int length = text.length();
      if (buffer.length < length) {
        buffer = new byte[Math.max(length, buffer.length * 2)];
      }
      int any = 0;
      for (int i = 0; i < length; i++) {
        char c = text.charAt(i);
        any |= c;
        buffer[i] = (byte) c;
      }
      if (any >= 0x80) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        vector.setSafe(index, bytes, 0, bytes.length);
        return;
      }
      vector.setSafe(index, buffer, 0, length);
    }
  }
}
