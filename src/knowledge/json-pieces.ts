/**
 * The text of `JSON.stringify(value)` as a sequence of strings, the array under `key` written `size` elements at
 * a time: for writing data of many MB to a file without holding all its text as one string at once.
 *
 * @example
 * ```ts
 * await writeFile(path, jsonPieces({ version: 2, items }, 'items', 1000));
 * ```
 */
export function* jsonPieces(value: object, key: string, size: number): Generator<string> {
  let separator = '{';
  for (const [name, field] of Object.entries(value)) {
    if (name !== key) {
      const json = JSON.stringify(field) as string | undefined;
      // JSON.stringify leaves such fields out.
      if (json === undefined) continue;
      yield `${separator}${JSON.stringify(name)}:${json}`;
    } else {
      const items = field as unknown[];
      yield `${separator}${JSON.stringify(name)}:[`;
      for (let start = 0; start < items.length; start += size) {
        yield `${start > 0 ? ',' : ''}${JSON.stringify(items.slice(start, start + size)).slice(1, -1)}`;
      }
      yield ']';
    }
    separator = ',';
  }
  yield separator === '{' ? '{}' : '}';
}
