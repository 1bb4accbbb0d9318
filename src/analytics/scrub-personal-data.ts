/**
 * Removes personal data from free text before it is logged or reported: e-mail addresses, phone numbers and
 * names of people (after a salutation or an introduction such as „mein Name ist …“). Pure; errs on the side of
 * removing too much.
 *
 * @example
 * ```ts
 * scrubPersonalData('Frau Petra Muster, petra@muster.de, Tel. 06151 12345');
 * // '[Name], [E-Mail], Tel. [Telefon]'
 * ```
 */
export function scrubPersonalData(text: string): string {
  return text
    .replace(/[^\s@<>()"',;]+@[^\s@<>()"',;]+\.[a-z]{2,}/gi, '[E-Mail]')
    .replace(/(?<![\w.])\+?\d[\d\s/()-]{5,}\d(?![\w.])/g, (match) =>
      (match.match(/\d/g) ?? []).length >= 6 && !/^\d{4}$/.test(match.trim()) ? '[Telefon]' : match,
    )
    .replace(/\b(Herrn?|Frau|Hr\.|Fr\.|Dr\.|Prof\.)(\s+(Dr\.|Prof\.))*\s+\p{Lu}[\p{L}'-]+(\s+\p{Lu}[\p{L}'-]+)?/gu, '[Name]')
    .replace(
      /\b(mein Name ist|ich heiße|ich heisse|hier ist|hier spricht|ich bin)\s+\p{Lu}[\p{L}'-]+(\s+\p{Lu}[\p{L}'-]+)?/giu,
      (_m, intro: string) => `${intro} [Name]`,
    )
    .replace(
      /\b(Gruß|Grüße|Gruss|Grüsse|LG|VG|MfG)[,!]?\s+\p{Lu}[\p{L}'-]+(\s+\p{Lu}[\p{L}'-]+)?/gu,
      (_m, greeting: string) => `${greeting} [Name]`,
    )
    .slice(0, 300);
}
