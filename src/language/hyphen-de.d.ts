// Types of `hyphen/de/index.js`, the German hyphenator imported by its file (see compound-splitter.ts):
// the same module that @types/hyphen describes as `hyphen/de`.
declare module 'hyphen/de/index.js' {
  const hyphenDe: typeof import('hyphen/de.js');
  export default hyphenDe;
}
