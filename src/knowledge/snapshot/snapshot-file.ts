import { open } from 'node:fs/promises';
import { deserialize, serialize } from 'node:v8';

/**
 * The bytes of a snapshot file: a 16-byte header (`IKZS`, layout version, length of the structure, length
 * of the blob), the structure (`v8.serialize` of the data with every typed array replaced by a reference),
 * then the blob (the typed arrays' bytes, each at an 8-byte boundary). Why two parts: the typed arrays are
 * most of a snapshot and stay in memory as views into the blob, while the structure (strings, objects) is
 * copied into the heap and can go at once; with one `v8.serialize` of everything, the views would keep the
 * whole file in memory, its strings included.
 */
export interface SnapshotParts {
  structure: Uint8Array;
  blob: ArrayBuffer;
}

const MAGIC = 0x535a4b49; // "IKZS", little-endian
const LAYOUT = 1;
const HEADER_BYTES = 16;
const ALIGN = 8;

type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;
const TYPES = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float64Array } as const;
type TypeName = keyof typeof TYPES;

/** The key of a typed array's stand-in in the structure (no key of the stored data starts with NUL). */
const REFERENCE = '\u0000typedArray';

/** Where a typed array was: its type and place in the blob. */
interface BlobReference {
  [REFERENCE]: [type: TypeName, byteOffset: number, length: number];
}

/** `value` (plain data, maps, sets, typed arrays) as the bytes of a snapshot file. */
export function encodeSnapshot(value: unknown): Buffer {
  const arrays: TypedArray[] = [];
  let blobLength = 0;
  const offsets: number[] = [];
  const structure = serialize(
    replace(value, (array) => {
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
  const file = Buffer.alloc(structureEnd + blobLength);
  file.writeUInt32LE(MAGIC, 0);
  file.writeUInt32LE(LAYOUT, 4);
  file.writeUInt32LE(structure.length, 8);
  file.writeUInt32LE(blobLength, 12);
  structure.copy(file, HEADER_BYTES);
  arrays.forEach((array, i) => file.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), structureEnd + offsets[i]!));
  return file;
}

/** The two parts of a snapshot file's bytes (the blob copied into a buffer of its own). */
export function splitSnapshot(file: Uint8Array): SnapshotParts {
  const { structureLength, blobLength, structureEnd } = header(file, file.length);
  const blob = new ArrayBuffer(blobLength);
  new Uint8Array(blob).set(file.subarray(structureEnd, structureEnd + blobLength));
  return { structure: file.subarray(HEADER_BYTES, HEADER_BYTES + structureLength), blob };
}

/**
 * Reads a snapshot file in its two parts, the blob straight into a buffer of its own (no copy of the
 * whole file in memory). `undefined` when the file does not exist.
 */
export async function readSnapshotFile(path: string): Promise<SnapshotParts | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw cause;
  }
  try {
    const size = (await handle.stat()).size;
    const head = Buffer.alloc(HEADER_BYTES);
    await handle.read(head, 0, HEADER_BYTES, 0);
    const { structureLength, blobLength, structureEnd } = header(head, size);
    const structure = Buffer.alloc(structureLength);
    await handle.read(structure, 0, structureLength, HEADER_BYTES);
    const blob = new ArrayBuffer(blobLength);
    if (blobLength > 0) await handle.read(new Uint8Array(blob), 0, blobLength, structureEnd);
    return { structure, blob };
  } finally {
    await handle.close();
  }
}

/** The value of a snapshot's parts; its typed arrays are views into `parts.blob`. */
export function decodeSnapshot(parts: SnapshotParts): unknown {
  return restore(deserialize(parts.structure), parts.blob);
}

function header(bytes: Uint8Array, fileSize: number) {
  if (bytes.length < HEADER_BYTES) throw new Error('snapshot: file too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  if (view.getUint32(0, true) !== MAGIC || view.getUint32(4, true) !== LAYOUT) throw new Error('snapshot: not a snapshot file of this layout');
  const structureLength = view.getUint32(8, true);
  const blobLength = view.getUint32(12, true);
  const structureEnd = HEADER_BYTES + Math.ceil(structureLength / ALIGN) * ALIGN;
  if (structureEnd + blobLength !== fileSize) throw new Error('snapshot: file size does not match its header');
  return { structureLength, blobLength, structureEnd };
}

/** A copy of plain data (objects, arrays, maps, sets) with each typed array replaced by `swap(array)`. */
function replace(value: unknown, swap: (array: TypedArray) => unknown): unknown {
  if (ArrayBuffer.isView(value)) return swap(value as TypedArray);
  if (Array.isArray(value)) return value.map((item) => replace(item, swap));
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, replace(v, swap)]));
  if (value instanceof Set || value instanceof Date || value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = replace(item, swap);
  return copy;
}

/** `replace` undone: references become views into the blob (in place). */
function restore(value: unknown, blob: ArrayBuffer): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (typeof value[i] === 'object' && value[i] !== null) value[i] = restore(value[i], blob);
    return value;
  }
  if (value instanceof Map) {
    for (const [key, item] of value) if (typeof item === 'object' && item !== null) value.set(key, restore(item, blob));
    return value;
  }
  if (value === null || typeof value !== 'object' || value instanceof Set || value instanceof Date) return value;
  const record = value as Record<string, unknown>;
  const reference = (record as Partial<BlobReference>)[REFERENCE];
  if (Array.isArray(reference) && Object.keys(record).length === 1) {
    const [name, byteOffset, length] = reference;
    const type = TYPES[name];
    if (!type || byteOffset % ALIGN !== 0 || byteOffset + length * type.BYTES_PER_ELEMENT > blob.byteLength) throw new Error('snapshot: bad array reference');
    return new type(blob, byteOffset, length);
  }
  for (const key of Object.keys(record)) if (typeof record[key] === 'object' && record[key] !== null) record[key] = restore(record[key], blob);
  return record;
}
