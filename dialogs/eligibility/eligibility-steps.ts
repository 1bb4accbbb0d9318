import {
  questionsFor,
  savingsFromCosts,
  type ApplicantKind,
  type EligibilityAnswers,
  type LegalForm,
  type ProjectKind,
} from '../../src/funding/eligibility.js';
import { OTHER_TASK_AREA, type ProgrammeVersion } from '../../src/funding/programme-parameters.js';
import type { Choice, FormStep, StepResult } from '../form/form-dialog.js';
import { parseCount, parseDuration, parseEuro, parsePercent } from '../form/german-input.js';

/** The answers of the Förder-Check form: the rule inputs plus how the user wants to give the savings. */
export type EligibilityFormAnswers = EligibilityAnswers & {
  /** `typed`: the percentage came with the answer to the mode question itself ("20 %"). */
  savingsMode?: 'percent' | 'typed' | 'compute' | 'unknown';
};

type Step = FormStep<EligibilityFormAnswers>;
const ok = (answers: EligibilityFormAnswers): StepResult<EligibilityFormAnswers> => ({ ok: true, answers });
const fail = (message: string): StepResult<EligibilityFormAnswers> => ({ ok: false, message });
const asks = (question: keyof EligibilityAnswers) => (a: EligibilityFormAnswers) => questionsFor(a.projectKind).has(question);

/** Picks a choice or explains what is expected. */
function choose<T extends string>(
  choice: Choice | undefined,
  apply: (value: T) => EligibilityFormAnswers,
): StepResult<EligibilityFormAnswers> {
  return choice
    ? ok(apply(choice.value as T))
    : fail('Bitte wählen Sie eine der Schaltflächen oder schreiben Sie eine der genannten Antworten.');
}

const partnersQuestion: Record<ProjectKind, string> = {
  kooperation: 'Wie viele Kommunen arbeiten zusammen (Ihre eingeschlossen)?',
  gvv: 'Wie viele Gemeinden sollen Mitglied des Gemeindeverwaltungsverbands werden?',
  feuerwehr: 'Wie viele Ortsteilfeuerwehren sollen zusammengelegt werden?',
  vorbereitung: 'Wie viele Kommunen sind an dem geplanten Vorhaben beteiligt?',
  fusion: 'Wie viele Gemeinden wollen sich zusammenschließen?',
};

/**
 * The Förder-Check's questions, in order (the rules decide which apply to a project kind).
 * `programme` gives the version in force (its task areas are the choices); `now` is the clock.
 */
export function eligibilitySteps(programme: () => ProgrammeVersion, now: () => Date = () => new Date()): Step[] {
  return [
    {
      id: 'applicant',
      question: () => 'Wer stellt den Antrag?',
      choices: () => [
        { value: 'gemeinde', title: 'Gemeinde oder Stadt', synonyms: ['gemeinde', 'stadt', 'kommune', 'markt', 'wir sind eine gemeinde'] },
        { value: 'landkreis', title: 'Landkreis', synonyms: ['landkreis', 'kreis'] },
        {
          value: 'zusammenschluss',
          title: 'Zusammenschluss, z. B. Zweckverband',
          synonyms: ['zweckverband', 'verband', 'zusammenschluss', 'juristische person'],
        },
        { value: 'andere', title: 'Andere', synonyms: ['andere', 'anderes', 'sonstige', 'verein', 'gmbh'] },
      ],
      parse: (_input, a, choice) => choose<ApplicantKind>(choice, (applicant) => ({ ...a, applicant })),
    },
    {
      id: 'allHessian',
      question: () => 'Sind alle Beteiligten hessische Kommunen?',
      choices: () => [
        { value: 'ja', title: 'Ja, alle aus Hessen', synonyms: ['ja', 'alle', 'genau', 'jawohl', 'klar'] },
        { value: 'nein', title: 'Nein', synonyms: ['nein', 'nicht alle', 'nee'] },
      ],
      parse: (_input, a, choice) => choose(choice, (v) => ({ ...a, allHessian: v === 'ja' })),
    },
    {
      id: 'projectKind',
      question: () => 'Um welche Art von Vorhaben geht es?',
      choices: () => [
        {
          value: 'kooperation',
          title: 'Zusammenarbeit von Kommunen',
          synonyms: ['kooperation', 'zusammenarbeit', 'ikz', 'interkommunale zusammenarbeit'],
        },
        {
          value: 'gvv',
          title: 'Gemeindeverwaltungsverband (GVV)',
          synonyms: ['gvv', 'gemeindeverwaltungsverband', 'verwaltungsgemeinschaft'],
        },
        {
          value: 'feuerwehr',
          title: 'Fusion von Ortsteilfeuerwehren',
          synonyms: ['feuerwehr', 'feuerwehren', 'ortsteilfeuerwehr', 'ortsteilfeuerwehren', 'ffw'],
        },
        {
          value: 'vorbereitung',
          title: 'Vorbereitung, Machbarkeitsstudie',
          synonyms: ['vorbereitung', 'machbarkeitsstudie', 'studie', 'gutachten'],
        },
        {
          value: 'fusion',
          title: 'Freiwillige Gemeindefusion',
          synonyms: ['fusion', 'gemeindefusion', 'zusammenschluss von gemeinden', 'fusionieren'],
        },
      ],
      parse: (_input, a, choice) => choose<ProjectKind>(choice, (projectKind) => ({ ...a, projectKind })),
    },
    {
      id: 'partners',
      question: (a) => partnersQuestion[a.projectKind ?? 'kooperation'],
      hint: 'Bitte eine Zahl, z. B. 3.',
      parse: (input, a) => {
        const partners = parseCount(input.text, 1, 500);
        return partners === undefined ? fail('Bitte geben Sie die Zahl als ganze Zahl an, z. B. 3 oder „drei“.') : ok({ ...a, partners });
      },
    },
    {
      id: 'taskArea',
      applies: asks('taskArea'),
      question: () => 'In welchem Aufgabenbereich wollen Sie zusammenarbeiten?',
      choices: () => [
        ...programme().task_areas.map((t) => ({
          value: t.id,
          title: t.label,
          synonyms: t.label.split(/,\s*|\s+und\s+/).map((s) => s.replace(/\(.*\)/, '').trim()),
        })),
        { value: OTHER_TASK_AREA, title: 'Anderer Bereich', synonyms: ['andere', 'anderer', 'sonstiges'] },
      ],
      parse: (_input, a, choice) => choose(choice, (taskArea) => ({ ...a, taskArea })),
    },
    {
      id: 'substantial',
      applies: asks('substantial'),
      question: () => 'Umfasst die Zusammenarbeit den Aufgabenbereich im Wesentlichen – oder nur einen kleinen Teil davon?',
      choices: () => [
        { value: 'ja', title: 'Im Wesentlichen', synonyms: ['wesentlich', 'im wesentlichen', 'ganz', 'komplett', 'vollständig', 'ja'] },
        { value: 'nein', title: 'Nur einen kleinen Teil', synonyms: ['klein', 'kleinen teil', 'teilweise', 'nur teil', 'nein'] },
      ],
      parse: (_input, a, choice) => choose(choice, (v) => ({ ...a, substantial: v === 'ja' })),
    },
    {
      id: 'legalForm',
      applies: asks('legalForm'),
      question: () => 'In welcher Rechtsform soll die Zusammenarbeit laufen?',
      choices: () => [
        {
          value: 'kgg',
          title: 'Form nach dem KGG (Zweckverband, Arbeitsgemeinschaft, Vereinbarung)',
          synonyms: ['kgg', 'zweckverband', 'arbeitsgemeinschaft', 'oeffentlich rechtliche vereinbarung', 'vereinbarung'],
        },
        {
          value: 'hvwvfg',
          title: 'Öffentlich-rechtlicher Vertrag (§§ 54 ff. HVwVfG)',
          synonyms: ['hvwvfg', 'vertrag', 'oeffentlich rechtlicher vertrag', 'kooperationsvertrag'],
        },
        {
          value: 'privatrecht',
          title: 'Privatrechtlich, z. B. GmbH',
          synonyms: ['privatrecht', 'privatrechtlich', 'gmbh', 'gesellschaft'],
        },
        {
          value: 'offen',
          title: 'Noch nicht entschieden',
          synonyms: ['offen', 'weiss nicht', 'weiß nicht', 'unklar', 'noch nicht', 'noch offen'],
        },
      ],
      parse: (_input, a, choice) => choose<LegalForm>(choice, (legalForm) => ({ ...a, legalForm })),
    },
    {
      id: 'duration',
      applies: asks('durationYears'),
      question: () => 'Für wie lange ist die Zusammenarbeit geplant?',
      hint: 'Anzahl der Jahre oder „auf Dauer“.',
      choices: () => [
        { value: 'dauer', title: 'Auf Dauer (unbefristet)', synonyms: ['auf dauer', 'unbefristet', 'dauerhaft', 'unbegrenzt'] },
        { value: '5', title: '5 Jahre' },
        { value: '10', title: '10 Jahre' },
      ],
      parse: (input, a, choice) => {
        const years = choice ? (choice.value === 'dauer' ? null : Number(choice.value)) : parseDuration(input.text);
        return years === undefined
          ? fail('Bitte nennen Sie die Dauer in Jahren (z. B. 8) oder „auf Dauer“.')
          : ok({ ...a, durationYears: years });
      },
    },
    {
      id: 'savingsMode',
      applies: asks('savingsPercent'),
      question: () =>
        `Um wie viel sollen die jährlichen Personal- und Sachkosten sinken? Sie können den Prozentwert nennen (z. B. „20 %“) – oder ich berechne ihn aus den heutigen und den künftigen gemeinsamen Kosten.`,
      choices: () => [
        { value: 'percent', title: 'Prozent angeben', synonyms: ['prozent', 'prozentwert'] },
        { value: 'compute', title: 'Aus den Kosten berechnen', synonyms: ['berechnen', 'rechnen', 'kosten'] },
        {
          value: 'unknown',
          title: 'Weiß ich noch nicht',
          synonyms: ['weiss nicht', 'weiß nicht', 'unbekannt', 'noch nicht', 'keine ahnung'],
        },
      ],
      parse: (input, a, choice) => {
        // "20 Prozent" is the answer itself, not the choice "Prozent angeben".
        const typedNumber = input.value === undefined && /\d/.test(input.text);
        if (choice && !typedNumber) {
          const mode = choice.value as EligibilityFormAnswers['savingsMode'];
          return ok({ ...a, savingsMode: mode, savingsPercent: undefined, costs: undefined });
        }
        const typed = /\d/.test(input.text) ? parsePercent(input.text) : undefined;
        return typed === undefined
          ? fail('Bitte wählen Sie eine Schaltfläche oder nennen Sie den Prozentwert, z. B. „20 %“.')
          : ok({ ...a, savingsMode: 'typed', savingsPercent: typed, costs: undefined });
      },
    },
    {
      id: 'savingsPercent',
      applies: (a) => asks('savingsPercent')(a) && a.savingsMode === 'percent',
      question: () => 'Wie viel Prozent pro Jahr sparen die Beteiligten zusammen voraussichtlich?',
      hint: 'Zum Beispiel „20 %“ oder „12,5“.',
      parse: (input, a) => {
        const value = parsePercent(input.text);
        return value === undefined
          ? fail('Bitte einen Prozentwert zwischen -100 und 100, z. B. „20 %“.')
          : ok({ ...a, savingsPercent: value });
      },
    },
    {
      id: 'costsToday',
      applies: (a) => asks('savingsPercent')(a) && a.savingsMode === 'compute',
      question: () => 'Wie hoch sind heute die jährlichen Personal- und Sachkosten aller Beteiligten zusammen für diese Aufgabe (in Euro)?',
      hint: 'Zum Beispiel „400.000“ oder „1,2 Mio“.',
      parse: (input, a) => {
        const today = parseEuro(input.text);
        if (today === undefined || today <= 0) return fail('Bitte einen Betrag größer als 0 in Euro, z. B. „400.000“.');
        return ok({ ...a, costs: { today, joint: a.costs?.joint ?? 0 } });
      },
    },
    {
      id: 'costsJoint',
      applies: (a) => asks('savingsPercent')(a) && a.savingsMode === 'compute',
      question: () => 'Und wie hoch werden die jährlichen Kosten der gemeinsamen Lösung voraussichtlich sein (in Euro)?',
      hint: 'Zum Beispiel „320.000“.',
      parse: (input, a) => {
        const joint = parseEuro(input.text);
        const today = a.costs?.today;
        if (joint === undefined || !today) return fail('Bitte einen Betrag in Euro, z. B. „320.000“.');
        return ok({ ...a, costs: { today, joint }, savingsPercent: savingsFromCosts(today, joint) });
      },
    },
    {
      id: 'started',
      applies: asks('started'),
      question: () => 'Hat die Zusammenarbeit schon begonnen?',
      choices: () => [
        { value: 'nein', title: 'Noch nicht begonnen', synonyms: ['nein', 'noch nicht', 'nicht begonnen', 'geplant'] },
        { value: 'ja', title: 'Hat schon begonnen', synonyms: ['ja', 'schon', 'begonnen', 'läuft', 'laeuft bereits', 'läuft schon'] },
      ],
      parse: (_input, a, choice) => choose(choice, (v) => ({ ...a, started: { started: v === 'ja' } })),
    },
    {
      id: 'startedSince',
      applies: (a) => asks('started')(a) && a.started?.started === true,
      question: () => 'Seit wann läuft die Zusammenarbeit?',
      hint: 'Zum Beispiel „03/2024“ oder „seit 2023“.',
      parse: (input, a) => {
        const year = /\b(19[5-9]\d|20\d\d)\b/.exec(input.text)?.[1];
        if (!year || Number(year) > now().getFullYear()) return fail('Bitte nennen Sie das Jahr (und gern den Monat), z. B. „03/2024“.');
        return ok({ ...a, started: { started: true, since: input.text.replace(/^seit\s+/i, '').slice(0, 40) } });
      },
    },
  ];
}
