package dev.sluice.darktracesim;

/** How alerts travel: Darktrace's <em>Send Alerts Using TCP</em> toggle. */
public enum Transport {
  TCP,
  UDP
}
