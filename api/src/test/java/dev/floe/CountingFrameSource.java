package dev.floe;

import java.util.concurrent.atomic.AtomicInteger;

/** A frame as a scan source that counts its reads (to prove shared subplans run once). */
final class CountingFrameSource extends HookedFrameSource {
  final AtomicInteger reads = new AtomicInteger();

  CountingFrameSource(DataFrame data) {
    super(data, "counting");
  }

  @Override
  void beforeRead() {
    reads.incrementAndGet();
  }
}
