// Where the epoch's matrices live: fresh typed arrays by default, or one reusable arena so a large epoch neither faults in new pages nor drives GC through external-memory pressure.
//
// A 4096 × 256 epoch handles ~10 buffers of a million entries. Allocated fresh, each one costs page
// faults on first touch and counts as external memory, which makes V8 run full collections over the
// caller's whole heap. `Arena` hands out views into one ArrayBuffer instead: reset at the start of a
// computation, grown (once) when a computation needed more than it had, then reused.

export interface Allocator {
  /** A zero-filled Float64Array. */
  f64(length: number): Float64Array
  /** A Float64Array whose contents are unspecified (the caller writes before reading). */
  f64Scratch(length: number): Float64Array
  /** A Uint16Array whose contents are unspecified (the caller writes before reading). */
  u16Scratch(length: number): Uint16Array
}

/** Ordinary allocation: every array is new (and zeroed). */
export const HEAP: Allocator = {
  f64: (length) => new Float64Array(length),
  f64Scratch: (length) => new Float64Array(length),
  u16Scratch: (length) => new Uint16Array(length),
}

/**
 * A bump allocator over one ArrayBuffer. Arrays it returns are valid until the next `reset`; anything
 * kept beyond that must be copied out. Requests that do not fit are served fresh and counted, and the
 * next `reset` grows the buffer to hold the whole computation.
 */
export class Arena implements Allocator {
  private buffer = new ArrayBuffer(0)
  private offset = 0
  private spilled = 0

  reset(): void {
    if (this.spilled > 0) this.buffer = new ArrayBuffer(Math.ceil(((this.offset + this.spilled) * 1.25) / 8) * 8)
    this.offset = 0
    this.spilled = 0
  }

  /** Bytes held between computations. */
  get retainedBytes(): number {
    return this.buffer.byteLength
  }

  f64(length: number): Float64Array {
    return this.f64Scratch(length).fill(0)
  }

  f64Scratch(length: number): Float64Array {
    const at = this.take(length * 8)
    return at < 0 ? new Float64Array(length) : new Float64Array(this.buffer, at, length)
  }

  u16Scratch(length: number): Uint16Array {
    const at = this.take(length * 2)
    return at < 0 ? new Uint16Array(length) : new Uint16Array(this.buffer, at, length)
  }

  /** The byte offset of a free 8-aligned block, or −1 when it does not fit (then counted for the next reset). */
  private take(bytes: number): number {
    const size = Math.ceil(bytes / 8) * 8
    if (this.offset + size > this.buffer.byteLength) {
      this.spilled += size
      return -1
    }
    const at = this.offset
    this.offset += size
    return at
  }
}
