package dev.floe.io.ipc;

import dev.floe.memory.Buffer;

/** A buffer of which the first {@code length} bytes are meaningful (the rest is capacity). */
record Sized(Buffer buffer, long length) {}
