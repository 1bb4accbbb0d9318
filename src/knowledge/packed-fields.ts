import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { LazyBytes } from './snapshot/lazy-bytes.js';

/**
 * How many articles' packed fields stay unpacked at a time (the least recently read are packed away
 * again). Replies need the fields of the few articles being answered; the index reads each once while
 * building.
 */
export const UNPACKED_ARTICLES_MAX = 256;

/** Unpacked fields by their packed form, least recently used first. */
const unpacked = new Map<PackedBytes, Record<string, unknown>>();

/** Packed fields in memory, or in a snapshot file (read when unpacked). */
type PackedBytes = Uint8Array | LazyBytes;

/**
 * Turns the named properties of `target` into getters over one deflated copy of their values, kept in
 * a byte array outside the JavaScript heap and unpacked when read, with the last
 * `UNPACKED_ARTICLES_MAX` objects' values kept unpacked. Meant for the bulky, rarely read parts of an
 * article (section texts, questions, keywords, sources): on 10,000 articles about 60 MB of strings,
 * 15 MB packed. The packed copy belongs to the object, so it stays right even when the article's file
 * is edited or broken later (a broken edit keeps the previous version live). Readers see plain values
 * (JSON-compatible data only; `undefined` values stay `undefined`); the properties keep their place
 * in the key order, stay enumerable, and assigning one replaces the packed value with the assigned one.
 *
 * @example
 * ```ts
 * const article = withPackedFields({ id: 'a', sections: body.sections }, ['sections']);
 * article.sections[0]!.text; // unpacked on first read
 * ```
 */
export function withPackedFields<T extends object>(target: T, keys: ReadonlyArray<keyof T & string>): T {
  const values: Record<string, unknown> = {};
  for (const key of keys) values[key] = target[key];
  // Level 1: nearly the size of the default level, at a fraction of the time (it runs for every article at start-up).
  // The copy into a memory block of its own: zlib's result is a view of its 16 kB output chunk, and a
  // `Buffer` copy would be a view of a shared 8 kB pool block that also holds other, dead buffers.
  const packed = new Uint8Array(deflateRawSync(JSON.stringify(values), { level: 1 }));
  Object.defineProperty(target, PACKED, { value: packed, enumerable: false, configurable: true });
  for (const key of keys) Object.defineProperty(target, key, accessor(key));
  return target;
}

/** Where an object keeps its packed fields (not enumerable: spreading or serialising it shows the values). */
const PACKED = Symbol('packed fields');

type Packed = { [PACKED]: PackedBytes };

/** One getter and setter per field name, shared by all objects, so an article costs no closures of its own. */
const accessors = new Map<string, PropertyDescriptor>();

function accessor(key: string): PropertyDescriptor {
  let descriptor = accessors.get(key);
  if (!descriptor) {
    descriptor = {
      enumerable: true,
      configurable: true,
      get(this: Packed) {
        return unpack(this[PACKED])[key];
      },
      set(this: Packed, value: unknown) {
        Object.defineProperty(this, key, { value, enumerable: true, configurable: true, writable: true });
      },
    };
    accessors.set(key, descriptor);
  }
  return descriptor;
}

function unpack(packed: PackedBytes): Record<string, unknown> {
  let values = unpacked.get(packed);
  if (values) {
    // Most recently used last: the oldest entry is dropped first.
    unpacked.delete(packed);
  } else {
    values = JSON.parse(inflateRawSync(packed instanceof LazyBytes ? packed.read() : packed).toString('utf8')) as Record<string, unknown>;
    if (unpacked.size >= UNPACKED_ARTICLES_MAX) unpacked.delete(unpacked.keys().next().value!);
  }
  unpacked.set(packed, values);
  return values;
}

/** An object with packed fields as plain data (for a snapshot): see `toPackedRecord`. */
export interface PackedRecord {
  /** All own fields in their order; packed ones are `undefined` here. */
  fields: Record<string, unknown>;
  packedKeys: string[];
  packed?: PackedBytes;
}

/**
 * The object's fields with its packed fields left packed, as plain data that `v8.serialize` can copy
 * (the packed bytes are never unpacked). `fromPackedRecord` makes the same object again.
 */
export function toPackedRecord(target: object): PackedRecord {
  const packed = (target as Partial<Packed>)[PACKED];
  const fields: Record<string, unknown> = {};
  const packedKeys: string[] = [];
  for (const key of Object.keys(target)) {
    const descriptor = Object.getOwnPropertyDescriptor(target, key)!;
    if (packed && descriptor.get !== undefined && descriptor.get === accessors.get(key)?.get) {
      packedKeys.push(key);
      fields[key] = undefined;
    } else {
      fields[key] = descriptor.value;
    }
  }
  return packed ? { fields, packedKeys, packed } : { fields, packedKeys };
}

/** The object of a `toPackedRecord` result (its `fields` object, with the packed fields made getters again). */
export function fromPackedRecord<T extends object>(record: PackedRecord): T {
  const target = record.fields;
  if (record.packed) {
    Object.defineProperty(target, PACKED, { value: record.packed, enumerable: false, configurable: true });
    for (const key of record.packedKeys) Object.defineProperty(target, key, accessor(key));
  }
  return target as T;
}
