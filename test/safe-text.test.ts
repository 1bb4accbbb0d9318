import { describe, expect, it } from 'vitest';
import { escapeMarkdown, stripControlCharacters } from '../src/bot/safe-text.js';
import { caseCard } from '../src/handoff/advisor-desk.js';

describe('user text shown back as text', () => {
  it('escapes Markdown and angle brackets so nothing renders as a link, emphasis or HTML', () => {
    expect(escapeMarkdown('[Klick](http://böse.example) **fett** <script>')).toBe(
      '\\[Klick\\]\\(http://böse.example\\) \\*\\*fett\\*\\* \\<script\\>',
    );
  });

  it('drops control and direction-override characters but keeps line breaks', () => {
    expect(stripControlCharacters('a\u0000b\u202Ec\nd\te')).toBe('abc\nd\te');
  });

  it('never lets user text become markup in the advisor card', () => {
    const card = JSON.stringify(
      caseCard({
        id: 'IKZ-2026-0001',
        status: 'open',
        createdAt: '2026-11-25T09:00:00Z',
        municipality: 'Gemeinde [X](http://evil.example)',
        name: 'Petra *Muster*',
        concern: '# Überschrift <img src=x onerror=alert(1)>',
        consentAt: '2026-11-25T09:00:00Z',
        transcript: [{ from: 'user', text: '**laut**', at: '2026-11-25T09:00:00Z' }],
        channelId: 'directline',
        conversationId: 'c',
      }),
    );
    expect(card).not.toContain('[X](http');
    expect(card).toContain('\\\\[X\\\\]\\\\(http://evil.example\\\\)');
    expect(card).not.toMatch(/[^\\]<img/);
    expect(card).not.toMatch(/"# Überschrift/);
    expect(card).not.toMatch(/[^\\\\]\*\*laut/);
  });
});
