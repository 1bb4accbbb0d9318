import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import type { ArticleSection } from './types.js';

// `html: false`: raw HTML in an article is shown as text, never passed to a chat client as markup.
const md = MarkdownIt({ html: false, linkify: false });

/**
 * Splits a Markdown body into the intro and its `##` sections using markdown-it's token stream (so a `##` inside a
 * code block is not mistaken for a heading), and collects relative link targets (no scheme, not an anchor) as written.
 */
export function parseBody(markdown: string): { sections: ArticleSection[]; relativeLinks: string[] } {
  const lines = markdown.split('\n');
  const tokens = md.parse(markdown, {});
  const starts: Array<{ line: number; heading: string | null; bodyLine: number }> = [{ line: 0, heading: null, bodyLine: 0 }];
  const relativeLinks: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open' && token.tag === 'h2' && token.map) {
      const inline = tokens[i + 1];
      starts.push({ line: token.map[0], heading: inline?.content.trim() ?? '', bodyLine: token.map[1] });
    }
    if (token.type === 'inline') collectRelativeLinks(token, relativeLinks);
  }
  const sections: ArticleSection[] = [];
  starts.forEach((start, index) => {
    const end = starts[index + 1]?.line ?? lines.length;
    const sectionMarkdown = lines.slice(start.bodyLine, end).join('\n').trim();
    if (start.heading === null && sectionMarkdown === '') return;
    sections.push({ heading: start.heading, markdown: sectionMarkdown, text: markdownToText(sectionMarkdown) });
  });
  return { sections, relativeLinks };
}

/** Plain text of Markdown (markup removed, link labels kept), for indexing and terminals. */
export function markdownToText(markdown: string): string {
  const out: string[] = [];
  for (const block of md.parse(markdown, {})) {
    if (block.type === 'inline') {
      out.push((block.children ?? []).map(inlineText).join(''));
    } else if (block.type === 'fence' || block.type === 'code_block') {
      out.push(block.content);
    } else if (block.type === 'list_item_open') {
      out.push('• ');
    } else if (block.type === 'paragraph_close' || block.type === 'heading_close') {
      out.push('\n');
    }
  }
  return out
    .join('')
    .replace(/• \n?/g, '• ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Markdown for a chat message: relative links to other articles become plain labels (they cannot be
 * opened in a chat client; related topics are offered as buttons instead). External links stay.
 */
export function chatMarkdown(markdown: string): string {
  return markdown.replace(/\[([^\]]+)\]\((?![a-z][a-z0-9+.-]*:|#)[^)\s]+\)/gi, '$1');
}

function inlineText(token: Token): string {
  if (token.type === 'text' || token.type === 'code_inline') return token.content;
  if (token.type === 'softbreak' || token.type === 'hardbreak') return ' ';
  return '';
}

function collectRelativeLinks(inline: Token, into: string[]): void {
  for (const child of inline.children ?? []) {
    if (child.type !== 'link_open') continue;
    const href = String(child.attrGet('href') ?? '');
    if (href && !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#')) into.push(href);
  }
}
