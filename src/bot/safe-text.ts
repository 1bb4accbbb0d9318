/**
 * Text from users shown back in messages and cards must stay text: these helpers strip control characters
 * and escape Markdown (which Teams, Web Chat and Adaptive Cards would otherwise render as links, emphasis or
 * headings). Pure.
 *
 * @example
 * ```ts
 * escapeMarkdown('[Klick](http://x) *fett*'); // '\\[Klick\\]\\(http://x\\) \\*fett\\*'
 * ```
 */
export function escapeMarkdown(text: string): string {
  return stripControlCharacters(text).replace(/[\\`*_{}[\]()#+\-!|<>~]/g, (c) => `\\${c}`);
}

/** Removes control characters (keeps line breaks and tabs). */
export function stripControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g, '');
}
