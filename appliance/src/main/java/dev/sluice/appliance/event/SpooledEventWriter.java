package dev.sluice.appliance.event;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * Writes {@link SpooledEvent} records one after another into one growable byte array, with the
 * OCSF JSON streamed straight into place: {@link #begin} writes the header, the JSON is written
 * to this stream, {@link #end} fills in its length. No array per record; the array is reused
 * after {@link #reset}. Not thread-safe.
 */
public final class SpooledEventWriter extends OutputStream {
  static final byte VERSION = 1;
  private static final int MAX_STRING = 0xFFFF;
  private byte[] bytes;
  private int size;
  private int jsonStart = -1;

  public SpooledEventWriter(int initialBytes) {
    this.bytes = new byte[Math.max(64, initialBytes)];
  }

  /**
   * Starts a record: writes its header up to the JSON length, which {@link #end} fills in.
   * Returns where the record starts.
   *
   * @throws IllegalArgumentException if a string is longer than 65,535 UTF-8 bytes (nothing is
   *     written then)
   */
  public int begin(String integrationId, long receiveTimeMillis, String senderHostname,
      String senderAddress, String alertKind, boolean testAlert) {
    int start = size;
    try {
      write(VERSION);
      write((testAlert ? 1 : 0) | (senderHostname != null ? 2 : 0));
      writeLong(receiveTimeMillis);
      writeString(integrationId);
      if (senderHostname != null) {
        writeString(senderHostname);
      }
      writeString(senderAddress);
      writeString(alertKind);
    } catch (IllegalArgumentException e) {
      size = start;
      throw e;
    }
    writeInt(0);
    jsonStart = size;
    return start;
  }

  /** Ends the record begun at {@code start}; returns its length. */
  public int end(int start) {
    if (jsonStart < 0) {
      throw new IllegalStateException("no record begun");
    }
    int jsonLength = size - jsonStart;
    putInt(jsonStart - 4, jsonLength);
    jsonStart = -1;
    return size - start;
  }

  /** Drops everything written since {@code start} (a record that failed half-way). */
  public void rollBack(int start) {
    size = start;
    jsonStart = -1;
  }

  /** Forgets every record; the array is kept. */
  public void reset() {
    size = 0;
    jsonStart = -1;
  }

  /** Gives back an array that grew beyond {@code maxBytes}; only between records. */
  public void trim(int maxBytes) {
    if (bytes.length > maxBytes && size == 0) {
      bytes = new byte[64];
      size = 0;
    }
  }

  public byte[] array() {
    return bytes;
  }

  public int size() {
    return size;
  }

  /** A copy of {@code [start, start+length)}. */
  public byte[] copy(int start, int length) {
    return Arrays.copyOfRange(bytes, start, start + length);
  }

  @Override
  public void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
    }
  }

  private void writeInt(int v) {
    ensure(4);
    putInt(size, v);
    size += 4;
  }

  private void putInt(int at, int v) {
    bytes[at] = (byte) (v >>> 24);
    bytes[at + 1] = (byte) (v >>> 16);
    bytes[at + 2] = (byte) (v >>> 8);
    bytes[at + 3] = (byte) v;
  }

  private void writeLong(long v) {
    writeInt((int) (v >>> 32));
    writeInt((int) v);
  }

  /** A 2-byte length and the UTF-8 bytes; ASCII (the usual case) without a temporary array. */
  private void writeString(String s) {
    int n = s.length();
    boolean ascii = n <= MAX_STRING;
    for (int i = 0; i < n && ascii; i++) {
      ascii = s.charAt(i) < 0x80;
    }
    if (ascii) {
      ensure(2 + n);
      bytes[size++] = (byte) (n >>> 8);
      bytes[size++] = (byte) n;
      for (int i = 0; i < n; i++) {
        bytes[size++] = (byte) s.charAt(i);
      }
      return;
    }
    byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (utf8.length > MAX_STRING) {
      throw new IllegalArgumentException("string field longer than " + MAX_STRING + " bytes");
    }
    ensure(2 + utf8.length);
    bytes[size++] = (byte) (utf8.length >>> 8);
    bytes[size++] = (byte) utf8.length;
    write(utf8, 0, utf8.length);
  }
}
