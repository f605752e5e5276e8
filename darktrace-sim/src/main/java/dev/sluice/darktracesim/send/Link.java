package dev.sluice.darktracesim.send;

import java.io.Closeable;

/** A connection to the syslog server over which pooled messages are sent. */
interface Link extends Closeable {

  /**
   * Sends messages {@code [from, to)} of the pool, returning once all are written.
   *
   * @throws SendFailure when the link broke; it says how many messages were fully written
   */
  void send(MessagePool pool, int from, int to) throws SendFailure;

  @Override
  void close();
}
