/**
 * Numbers written the German way for users ("75.000", "12,5"). The formatters are made once: `toLocaleString`
 * with a locale builds a new `Intl.NumberFormat` on every call (about 4 µs, and 45 µs with options).
 */
const INTEGER_OR_DECIMAL = new Intl.NumberFormat('de-DE');
const ONE_DECIMAL = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

/** Like `value.toLocaleString('de-DE')`: "75.000", "1.234,567". */
export function germanNumber(value: number): string {
  return INTEGER_OR_DECIMAL.format(value);
}

/** Like `value.toLocaleString('de-DE', { maximumFractionDigits: 1 })`: "12,5", "15". */
export function germanNumberOneDecimal(value: number): string {
  return ONE_DECIMAL.format(value);
}
