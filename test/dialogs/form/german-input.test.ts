import { describe, expect, it } from 'vitest';
import { parseCount, parseDuration, parseEuro, parseGermanNumber, parsePercent, parseYesNo } from '../../../dialogs/form/german-input.js';

describe('German number input', () => {
  it.each<[string, number | undefined]>([
    ['75.000', 75_000],
    ['75 000', 75_000],
    ['75000', 75_000],
    ['75.000 €', 75_000],
    ['ca. 75.000,50 Euro', 75_000.5],
    ['1,5 Mio', 1_500_000],
    ['1,5 Mio.', 1_500_000],
    ['2 Millionen', 2_000_000],
    ['80 Tsd', 80_000],
    ['1.234.567', 1_234_567],
    ['12,5', 12.5],
    ['15 %', 15],
    ['drei', 3],
    ['fünf Kommunen', 5],
    ['zwischen 3 und 4', undefined],
    ['viele', undefined],
    ['', undefined],
  ])('reads "%s" as %s', (text, value) => {
    expect(parseGermanNumber(text)).toBe(value);
  });

  it('accepts counts only as whole numbers within bounds', () => {
    expect(parseCount('3', 1, 500)).toBe(3);
    expect(parseCount('0', 1, 500)).toBeUndefined();
    expect(parseCount('2,5', 1, 500)).toBeUndefined();
    expect(parseCount('1000', 1, 500)).toBeUndefined();
  });

  it('reads percentages and refuses nonsense', () => {
    expect(parsePercent('20 Prozent')).toBe(20);
    expect(parsePercent('15 %')).toBe(15);
    expect(parsePercent('-5 %')).toBe(-5);
    expect(parsePercent('150 %')).toBeUndefined();
    expect(parsePercent('viel')).toBeUndefined();
  });

  it('reads euro amounts', () => {
    expect(parseEuro('400.000 €')).toBe(400_000);
    expect(parseEuro('-5')).toBeUndefined();
  });

  it('reads durations, with "auf Dauer" as unlimited', () => {
    expect(parseDuration('10 Jahre')).toBe(10);
    expect(parseDuration('unbefristet')).toBeNull();
    expect(parseDuration('auf Dauer')).toBeNull();
    expect(parseDuration('bald')).toBeUndefined();
  });

  it.each<[string, boolean | undefined]>([
    ['ja', true],
    ['Ja!', true],
    ['genau', true],
    ['nein', false],
    ['noch nicht', false],
    ['vielleicht', undefined],
  ])('reads "%s" as %s', (text, value) => {
    expect(parseYesNo(text)).toBe(value);
  });
});
