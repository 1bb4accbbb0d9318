import { close, fstat, open, read } from 'node:fs';
import { promisify } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { LazyBytes, OpenFile } from './lazy-bytes.js';

/**
 * The bytes of a snapshot file: a 24-byte header (`IKZS`, layout version, lengths of the three parts), the
 * structure (`v8.serialize` of the data with every typed array and every `LazyBytes` replaced by a
 * reference), the blob (the typed arrays' bytes, each at an 8-byte boundary), then the lazy part (the
 * `LazyBytes`, one after the other). Why parts: the typed arrays stay in memory as views into the blob, while
 * the structure (strings, objects) is copied into the heap and can go at once (with one `v8.serialize` of
 * everything, the views would keep the whole file in memory); and the lazy part is not read at all until a
 * value in it is wanted.
 */
export interface SnapshotParts {
  structure: Uint8Array;
  blob: ArrayBuffer;
  /** A slice of the lazy part. */
  lazy(offset: number, length: number): LazyBytes;
}

const MAGIC = 0x535a4b49; // "IKZS", little-endian
const LAYOUT = 2;
const HEADER_BYTES = 24;
const ALIGN = 8;

type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;
const TYPES = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float64Array } as const;
type TypeName = keyof typeof TYPES;

/** The key of a typed array's stand-in in the structure (no key of the stored data starts with NUL). */
const REFERENCE = '\u0000typedArray';

/** The key of a `LazyBytes`' stand-in. */
const LAZY_REFERENCE = '\u0000lazyBytes';

/** Where a typed array was: its type and place in the blob. */
interface BlobReference {
  [REFERENCE]: [type: TypeName, byteOffset: number, length: number];
}

/** Where `LazyBytes` were: their place in the lazy part. */
interface LazyReference {
  [LAZY_REFERENCE]: [offset: number, length: number];
}

/** `value` (plain data, maps, sets, typed arrays, `LazyBytes`) as the bytes of a snapshot file. */
export function encodeSnapshot(value: unknown): Buffer {
  const arrays: TypedArray[] = [];
  let blobLength = 0;
  const offsets: number[] = [];
  const lazyParts: Uint8Array[] = [];
  let lazyLength = 0;
  const structure = serialize(
    replace(value, (lazy) => {
      const bytes = lazy.read();
      const reference: LazyReference = { [LAZY_REFERENCE]: [lazyLength, bytes.length] };
      lazyParts.push(bytes);
      lazyLength += bytes.length;
      return reference;
    }, (array) => {
      const name = array.constructor.name as TypeName;
      if (!(name in TYPES)) throw new Error(`snapshot: cannot store a ${name}`);
      blobLength = Math.ceil(blobLength / ALIGN) * ALIGN;
      offsets.push(blobLength);
      arrays.push(array);
      const reference: BlobReference = { [REFERENCE]: [name, blobLength, array.length] };
      blobLength += array.byteLength;
      return reference;
    }),
  );
  const structureEnd = HEADER_BYTES + Math.ceil(structure.length / ALIGN) * ALIGN;
  const blobEnd = structureEnd + blobLength;
  const file = Buffer.alloc(blobEnd + lazyLength);
  file.writeUInt32LE(MAGIC, 0);
  file.writeUInt32LE(LAYOUT, 4);
  file.writeUInt32LE(structure.length, 8);
  file.writeUInt32LE(blobLength, 12);
  file.writeUInt32LE(lazyLength, 16);
  structure.copy(file, HEADER_BYTES);
  arrays.forEach((array, i) => file.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), structureEnd + offsets[i]!));
  let at = blobEnd;
  for (const bytes of lazyParts) {
    file.set(bytes, at);
    at += bytes.length;
  }
  return file;
}

/** The parts of a snapshot file's bytes (the blob and the lazy part copied into buffers of their own). */
export function splitSnapshot(file: Uint8Array): SnapshotParts {
  const { structureLength, blobLength, lazyLength, structureEnd } = header(file, file.length);
  const blob = new ArrayBuffer(blobLength);
  new Uint8Array(blob).set(file.subarray(structureEnd, structureEnd + blobLength));
  const lazy = file.slice(structureEnd + blobLength, structureEnd + blobLength + lazyLength);
  return {
    structure: file.subarray(HEADER_BYTES, HEADER_BYTES + structureLength),
    blob,
    lazy: lazySlices(lazyLength, (offset, length) => LazyBytes.of(lazy.subarray(offset, offset + length))),
  };
}

const openFile = promisify(open);
const readFile = promisify(read);
const closeFile = promisify(close);
const statFile = promisify(fstat);

/** `make(offset, length)` for slices inside a lazy part of `lazyLength` bytes; throws for any other. */
function lazySlices(lazyLength: number, make: (offset: number, length: number) => LazyBytes): SnapshotParts['lazy'] {
  return (offset, length) => {
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > lazyLength) throw new Error('snapshot: bad lazy reference');
    return make(offset, length);
  };
}

/**
 * Reads a snapshot file: the structure, and the blob straight into a buffer of its own (no copy of the whole
 * file in memory); the lazy part stays in the file, which is kept open for it (see `OpenFile`). `undefined`
 * when the file does not exist.
 */
export async function readSnapshotFile(path: string): Promise<SnapshotParts | undefined> {
  let fd: number;
  try {
    fd = await openFile(path, 'r');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw cause;
  }
  try {
    const readAt = async (bytes: Uint8Array, position: number) => {
      for (let done = 0; done < bytes.length; ) {
        const { bytesRead } = await readFile(fd, bytes, done, bytes.length - done, position + done);
        if (bytesRead === 0) throw new Error('snapshot: file ends early');
        done += bytesRead;
      }
    };
    const { size } = await statFile(fd);
    const head = Buffer.alloc(Math.min(HEADER_BYTES, size));
    await readAt(head, 0);
    const { structureLength, blobLength, lazyLength, structureEnd } = header(head, size);
    const structure = Buffer.alloc(structureLength);
    await readAt(structure, HEADER_BYTES);
    const blob = new ArrayBuffer(blobLength);
    await readAt(new Uint8Array(blob), structureEnd);
    const file = new OpenFile(fd);
    const lazyStart = structureEnd + blobLength;
    return { structure, blob, lazy: lazySlices(lazyLength, (offset, length) => LazyBytes.inFile(file, lazyStart + offset, length)) };
  } catch (error) {
    await closeFile(fd);
    throw error;
  }
}

/** The value of a snapshot's parts; its typed arrays are views into `parts.blob`, its `LazyBytes` slices of the lazy part. */
export function decodeSnapshot(parts: SnapshotParts): unknown {
  return restore(deserialize(parts.structure), parts);
}

function header(bytes: Uint8Array, fileSize: number) {
  if (bytes.length < HEADER_BYTES) throw new Error('snapshot: file too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== LAYOUT) throw new Error('snapshot: not a snapshot file of this layout');
  const structureLength = view.getUint32(8, true);
  const blobLength = view.getUint32(12, true);
  const lazyLength = view.getUint32(16, true);
  const structureEnd = HEADER_BYTES + Math.ceil(structureLength / ALIGN) * ALIGN;
  if (structureEnd + blobLength + lazyLength !== fileSize) throw new Error('snapshot: file size does not match its header');
  return { structureLength, blobLength, lazyLength, structureEnd };
}

/** A copy of plain data (objects, arrays, maps, sets) with each `LazyBytes` and each typed array swapped. */
function replace(value: unknown, swapLazy: (lazy: LazyBytes) => unknown, swap: (array: TypedArray) => unknown): unknown {
  if (value instanceof LazyBytes) return swapLazy(value);
  if (ArrayBuffer.isView(value)) return swap(value as TypedArray);
  if (Array.isArray(value)) return value.map((item) => replace(item, swapLazy, swap));
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, replace(v, swapLazy, swap)]));
  if (value instanceof Set || value instanceof Date || value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = replace(item, swapLazy, swap);
  return copy;
}

/** `replace` undone: references become views into the blob and slices of the lazy part (in place). */
function restore(value: unknown, parts: SnapshotParts): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (typeof value[i] === 'object' && value[i] !== null) value[i] = restore(value[i], parts);
    return value;
  }
  if (value instanceof Map) {
    for (const [key, item] of value) if (typeof item === 'object' && item !== null) value.set(key, restore(item, parts));
    return value;
  }
  if (value === null || typeof value !== 'object' || value instanceof Set || value instanceof Date) return value;
  const record = value as Record<string, unknown>;
  const reference = (record as Partial<BlobReference>)[REFERENCE];
  if (Array.isArray(reference) && Object.keys(record).length === 1) {
    const [name, byteOffset, length] = reference;
    const type = TYPES[name];
    if (!type || byteOffset % ALIGN !== 0 || byteOffset + length * type.BYTES_PER_ELEMENT > parts.blob.byteLength) throw new Error('snapshot: bad array reference');
    return new type(parts.blob, byteOffset, length);
  }
  const lazy = (record as Partial<LazyReference>)[LAZY_REFERENCE];
  if (Array.isArray(lazy) && Object.keys(record).length === 1) return parts.lazy(lazy[0], lazy[1]);
  for (const key of Object.keys(record)) if (typeof record[key] === 'object' && record[key] !== null) record[key] = restore(record[key], parts);
  return record;
}
