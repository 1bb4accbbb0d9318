import { describe, expect, it } from 'vitest';
import { withoutThirdPersonSie } from '../../../src/understanding/intents/third-person-sie.js';

describe('withoutThirdPersonSie', () => {
  it.each([
    // The verb of "sie" in the singular: she, it.
    ['Reicht es, wenn sie einmal zustande kommt?', 'Reicht es, wenn es einmal zustande kommt?'],
    ['Muss sie jedes Jahr erreicht werden?', 'Muss es jedes Jahr erreicht werden?'],
    ['Die Förderung ist gut. Sie kommt aber spät.', 'Die Förderung ist gut. es kommt aber spät.'],
    // In the plural (the polite form, or "they"), and a capital "Sie" inside a sentence: unchanged.
    ['Können sie mich zurückrufen?', 'Können sie mich zurückrufen?'],
    ['Ich weiß nicht, ob sie mich anrufen können', 'Ich weiß nicht, ob sie mich anrufen können'],
    ['Wann sind sie erreichbar?', 'Wann sind sie erreichbar?'],
    ['Erreicht man Sie auch abends?', 'Erreicht man Sie auch abends?'],
    ['Rufen Sie mich an', 'Rufen Sie mich an'],
  ])('reads "%s" as "%s"', (text, expected) => {
    expect(withoutThirdPersonSie(text)).toBe(expected);
  });
});
