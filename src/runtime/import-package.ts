/**
 * Where scripts/start.cjs puts its `import()` for the bundle (see `importPackage`). A registered symbol,
 * so nothing else can clash with it.
 */
export const PACKAGE_IMPORTER = Symbol.for('ikz-assistent.importPackage');

type Importer = (specifier: string) => Promise<unknown>;

/**
 * `import(specifier)` of an ES-module package from node_modules (Vega for the report chart), also from the
 * bundle. Why not `import()` itself: the bundle runs as a `vm.Script` with V8's code cache, and a function
 * restored from that cache has lost the script's dynamic-import callback (Node 20 then throws
 * ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING); the `import()` of start.cjs, an ordinary module, always works.
 * Under tsx and in tests there is no such importer and this is the plain `import()`.
 *
 * @example
 * ```ts
 * const vega = await importPackage<typeof import('vega')>('vega');
 * ```
 */
export async function importPackage<T>(specifier: string): Promise<T> {
  const importer = (globalThis as Record<symbol, Importer | undefined>)[PACKAGE_IMPORTER];
  return (importer ? importer(specifier) : import(specifier)) as Promise<T>;
}
