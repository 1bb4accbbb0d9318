/**
 * Comparisons that ask about money ("GVV oder Fusion – was bringt vom Land mehr?", "Was bringt ein GVV förderseitig
 * mehr als eine normale Kooperation?"): the amounts are compared, so each side is answered by the amount article of
 * its computed case (`grant_cases` in `_meta/foerderprogramm.yml`), with the numbers the message gives. Pure.
 */
import type { GrantCase } from '../funding/grant-amounts.js';
import type { GrantCaseRules } from '../funding/programme-parameters.js';
import type { Article } from '../knowledge/types.js';
import { spellOutUmlauts } from '../language/german-normalizer.js';
import { amountAsk, carriedCount, readGrantCase } from './grant-question.js';
import { quantitiesIn } from './german-numbers.js';

/** A question whether two things are one and the same. */
const SAME_OR_DIFFERENT =
  /(?<!\p{L})(?:dasselbe|dieselbe|derselbe|das\s+selbe|(?:das|die|der)\s+gleiche|identisch|gleichbedeutend|(?:etwas|was)\s+anderes|verschieden\w*)(?!\p{L})/iu;

/** One side of a money comparison: the user's words, its case's amount article, and the case with the message's numbers. */
export interface AmountSide {
  label: string;
  article: Article;
  grantCase: GrantCase;
}

/**
 * The amount side of each compared thing, or `undefined` when the message asks nothing about money or a side has
 * no case (a preparation grant). A side that names no case is the case whose `described_by` holds its article (a
 * legal form such as "Zweckverband" for the regular grant: it depends on the number of partners, not on the form).
 * A side without its own count takes the message's count of municipalities ("Wir sind vier Gemeinden. Normale
 * Kooperation oder GVV?"), never a count of something else (inhabitants).
 *
 * @example
 * ```ts
 * amountSides('Wir sind 4 Gemeinden. Kooperation oder GVV – was bringt mehr Geld?', sides, programme.grant_cases, article);
 * // [{ label: 'Kooperation', article: foerderhoehe, grantCase: { kind: 'kooperation', partners: 4 } },
 * //  { label: 'GVV', article: foerderhoehe-gvv, grantCase: { kind: 'gvv', members: 4 } }]
 * ```
 */
export function amountSides(
  question: string,
  sides: ReadonlyArray<{ label: string; article: Article }>,
  cases: readonly GrantCaseRules[],
  article: (id: string) => Article | undefined,
): AmountSide[] | undefined {
  // "Ist die Haushaltsberatung vom Land dasselbe wie …?" asks what the two are, whatever money their names speak of.
  if (cases.length === 0 || SAME_OR_DIFFERENT.test(question)) return undefined;
  // A message that names no case ("Zweckverband oder Vereinbarung – was bringt mehr Geld?") can still ask about money.
  const whole = readGrantCase(question, cases, { followUp: false });
  const asks = whole?.asks ?? amountAsk(spellOutUmlauts(question), quantitiesIn(question));
  if (asks === 'none') return undefined;
  const result: AmountSide[] = [];
  for (const side of sides) {
    const own = readGrantCase(side.label, cases, { articleId: side.article.id, followUp: false });
    const rules = own ? cases.find((c) => c.case === own.grantCase.kind) : cases.find((c) => c.described_by.includes(side.article.id));
    const amountArticle = rules && article(rules.articles[0]!);
    if (!rules || !amountArticle) return undefined;
    const grantCase =
      own && own.given.length > 0
        ? own.grantCase
        : whole
          ? withCountOf(whole.grantCase, rules, cases)
          : ({ kind: rules.case } as GrantCase);
    result.push({ label: side.label, article: amountArticle, grantCase });
  }
  return result;
}

/** The case of `rules` with the count of `told` when both count the same things (municipalities), else without numbers. */
function withCountOf(told: GrantCase, rules: GrantCaseRules, cases: readonly GrantCaseRules[]): GrantCase {
  if (told.kind === rules.case) return told;
  return { kind: rules.case, ...carriedCount(told, rules, cases) };
}
