import { closeSync, readSync } from 'node:fs';

/**
 * Bytes that are read when needed: from memory, or from a slice of an open file. A snapshot keeps the
 * packed texts of its articles this way (on 10,000 articles 17 MB that need not stay in memory: a reply
 * reads one article's, about 2 kB, from the operating system's file cache).
 *
 * @example
 * ```ts
 * const inMemory = LazyBytes.of(Uint8Array.from([1, 2, 3]));
 * inMemory.read(); // the same bytes
 * ```
 */
export class LazyBytes {
  private constructor(private readonly source: (() => Uint8Array) | Uint8Array) {}

  /** Bytes already in memory (encoding a snapshot, or one read whole). */
  static of(bytes: Uint8Array): LazyBytes {
    return new LazyBytes(bytes);
  }

  /** `length` bytes at `offset` of an open file, read on every `read()`. */
  static inFile(file: OpenFile, offset: number, length: number): LazyBytes {
    return new LazyBytes(() => file.read(offset, length));
  }

  read(): Uint8Array {
    return typeof this.source === 'function' ? this.source() : this.source;
  }
}

/** Closes a file once nothing refers to its `OpenFile` any more (the snapshot's articles are gone). */
const closing = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
});

/**
 * A file kept open for `LazyBytes` slices of it. Open, the file can be read even after it was deleted (an
 * older snapshot pruned from the cache while a server still answers from it). Closed when collected.
 */
export class OpenFile {
  constructor(private readonly fd: number) {
    closing.register(this, fd);
  }

  read(offset: number, length: number): Uint8Array {
    const bytes = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const count = readSync(this.fd, bytes, done, length - done, offset + done);
      if (count === 0) throw new Error(`snapshot file ended before byte ${offset + length}`);
      done += count;
    }
    return bytes;
  }
}
