import MiniSearch from 'minisearch';
import type { Article, ArticleSection } from '../src/knowledge/types.js';

/** What the baseline decided for one question. */
export type BaselineDecision = { outcome: 'answer'; article: Article; sections: ArticleSection[] } | { outcome: 'no_answer' };

type ArticleDocument = { id: string; title: string; questions: string; keywords: string; body: string };

/**
 * The comparison point for the German analyser and the confidence logic: plain MiniSearch with its
 * default options (its tokeniser, lower case only: no stop words, stemming, compounds, synonyms, fuzzy or
 * prefix matching, field boosts) over the same article fields — title, questions, keywords and the body
 * text with its headings — answering with its top hit, or no_answer when nothing matches. Like the bot,
 * it shows the intro plus one section: the one a default MiniSearch over that article's sections ranks first.
 */
export class BaselineSearch {
  /** Per article (built when it is first the top hit): a default MiniSearch over its sections after the intro. */
  private readonly sectionIndexes = new Map<string, MiniSearch<{ id: number; heading: string; text: string }>>();

  private constructor(
    private readonly index: MiniSearch<ArticleDocument>,
    private readonly byId: ReadonlyMap<string, Article>,
  ) {}

  static build(articles: readonly Article[]): BaselineSearch {
    const index = new MiniSearch<ArticleDocument>({ fields: ['title', 'questions', 'keywords', 'body'] });
    index.addAll(
      articles.map((a) => ({
        id: a.id,
        title: a.title,
        questions: a.questions.join('\n'),
        keywords: a.keywords.join('\n'),
        body: a.sections.map((s) => `${s.heading ?? ''}\n${s.text}`).join('\n'),
      })),
    );
    return new BaselineSearch(index, new Map(articles.map((a) => [a.id, a])));
  }

  decide(question: string): BaselineDecision {
    const [top] = this.index.search(question);
    const article = top ? this.byId.get(top.id as string) : undefined;
    if (!article) return { outcome: 'no_answer' };
    const [intro, ...rest] = article.sections;
    let sections = this.sectionIndexes.get(article.id);
    if (!sections) {
      sections = new MiniSearch<{ id: number; heading: string; text: string }>({ fields: ['heading', 'text'] });
      sections.addAll(rest.map((s, i) => ({ id: i, heading: s.heading ?? '', text: s.text })));
      this.sectionIndexes.set(article.id, sections);
    }
    const [best] = sections.search(question);
    const chosen = best ? rest[best.id as number] : undefined;
    return { outcome: 'answer', article, sections: chosen ? [intro!, chosen] : [intro!] };
  }
}
