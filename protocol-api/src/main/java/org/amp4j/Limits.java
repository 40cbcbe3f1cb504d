package org.amp4j;

/**
 * Every limit amp4j enforces, in one immutable object. Each is checked before anything is allocated
 * or sent for it.
 *
 * @param maxValueLength longest single value (bytes, or the UTF-8 encoding of text) in bytes, after
 *     any splitting the codec does is undone (default 16 MiB). Plain AMP carries at most {@value
 *     #AMP_MAX_VALUE_LENGTH} bytes per value whatever this says; two amp4j peers on AMP split
 *     longer values (the {@code amp.split-values} extension)
 * @param maxFrameLength longest message on the wire, in bytes (default 16 MiB)
 * @param maxOutstandingCalls calls awaiting an answer per connection (default 10,000); more fail
 *     with {@link LimitExceededException}
 * @param maxPendingRequests received calls not yet answered per connection (default 10,000); at the
 *     limit the connection stops reading until answers go out
 * @param maxPendingWriteBytes bytes queued for a slow reader per connection (default 16 MiB); more
 *     fail with {@link LimitExceededException}
 * @param maxNestingDepth deepest nesting of lists and records (default 32)
 * @param maxIntegerDigits most decimal digits in an integer (default 4,300, as CPython)
 * @param maxListLength most elements in one list or list of records (default 1,048,576)
 * @param maxFieldCount most values in one message or one record (default 4,096)
 */
public record Limits(
    int maxValueLength,
    int maxFrameLength,
    int maxOutstandingCalls,
    int maxPendingRequests,
    long maxPendingWriteBytes,
    int maxNestingDepth,
    int maxIntegerDigits,
    int maxListLength,
    int maxFieldCount) {

  /** The AMP protocol's own ceiling for one value on the wire. */
  public static final int AMP_MAX_VALUE_LENGTH = 65_535;

  /** The defaults. */
  public static final Limits DEFAULTS = builder().build();

  /** Validates the limits. */
  public Limits {
    positive("maxValueLength", maxValueLength);
    positive("maxFrameLength", maxFrameLength);
    positive("maxOutstandingCalls", maxOutstandingCalls);
    positive("maxPendingRequests", maxPendingRequests);
    positive("maxPendingWriteBytes", maxPendingWriteBytes);
    positive("maxNestingDepth", maxNestingDepth);
    positive("maxIntegerDigits", maxIntegerDigits);
    positive("maxListLength", maxListLength);
    positive("maxFieldCount", maxFieldCount);
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, is " + value);
    }
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these limits. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxValueLength = maxValueLength;
    b.maxFrameLength = maxFrameLength;
    b.maxOutstandingCalls = maxOutstandingCalls;
    b.maxPendingRequests = maxPendingRequests;
    b.maxPendingWriteBytes = maxPendingWriteBytes;
    b.maxNestingDepth = maxNestingDepth;
    b.maxIntegerDigits = maxIntegerDigits;
    b.maxListLength = maxListLength;
    b.maxFieldCount = maxFieldCount;
    return b;
  }

  /** Builds {@link Limits}; not thread-safe. */
  public static final class Builder {
    private int maxValueLength = 16 * 1024 * 1024;
    private int maxFrameLength = 16 * 1024 * 1024;
    private int maxOutstandingCalls = 10_000;
    private int maxPendingRequests = 10_000;
    private long maxPendingWriteBytes = 16L * 1024 * 1024;
    private int maxNestingDepth = 32;
    private int maxIntegerDigits = 4_300;
    private int maxListLength = 1 << 20;
    private int maxFieldCount = 4_096;

    private Builder() {}

    /** See {@link Limits#maxValueLength()}. */
    public Builder maxValueLength(int v) {
      maxValueLength = v;
      return this;
    }

    /** See {@link Limits#maxFrameLength()}. */
    public Builder maxFrameLength(int v) {
      maxFrameLength = v;
      return this;
    }

    /** See {@link Limits#maxOutstandingCalls()}. */
    public Builder maxOutstandingCalls(int v) {
      maxOutstandingCalls = v;
      return this;
    }

    /** See {@link Limits#maxPendingRequests()}. */
    public Builder maxPendingRequests(int v) {
      maxPendingRequests = v;
      return this;
    }

    /** See {@link Limits#maxPendingWriteBytes()}. */
    public Builder maxPendingWriteBytes(long v) {
      maxPendingWriteBytes = v;
      return this;
    }

    /** See {@link Limits#maxNestingDepth()}. */
    public Builder maxNestingDepth(int v) {
      maxNestingDepth = v;
      return this;
    }

    /** See {@link Limits#maxIntegerDigits()}. */
    public Builder maxIntegerDigits(int v) {
      maxIntegerDigits = v;
      return this;
    }

    /** See {@link Limits#maxListLength()}. */
    public Builder maxListLength(int v) {
      maxListLength = v;
      return this;
    }

    /** See {@link Limits#maxFieldCount()}. */
    public Builder maxFieldCount(int v) {
      maxFieldCount = v;
      return this;
    }

    /** The limits; throws IllegalArgumentException for a non-positive value. */
    public Limits build() {
      return new Limits(
          maxValueLength,
          maxFrameLength,
          maxOutstandingCalls,
          maxPendingRequests,
          maxPendingWriteBytes,
          maxNestingDepth,
          maxIntegerDigits,
          maxListLength,
          maxFieldCount);
    }
  }
}
