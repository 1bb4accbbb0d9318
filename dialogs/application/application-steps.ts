import {
  contractName,
  needsSavingsTable,
  usesCooperationDocuments,
  usesStatutes,
  type ApplicationStatus,
  type SupervisionKind,
} from '../../src/funding/application-checklist.js';
import type { Choice, FormStep, StepResult } from '../form/form-dialog.js';

/** The form's answers, plus which of them the Förder-Check already gave (those are not asked again). */
export type ApplicationFormAnswers = ApplicationStatus & { known?: Array<keyof ApplicationStatus> };

type Step = FormStep<ApplicationFormAnswers>;

const yesNo = (yes: string, no: string): Choice[] => [
  { value: 'ja', title: yes, synonyms: ['ja', 'genau', 'erledigt', 'fertig', 'liegt vor'] },
  { value: 'nein', title: no, synonyms: ['nein', 'noch nicht', 'nee', 'fehlt'] },
];
const pick = (choice: Choice | undefined, apply: (value: string) => ApplicationFormAnswers): StepResult<ApplicationFormAnswers> =>
  choice
    ? { ok: true, answers: apply(choice.value) }
    : { ok: false, message: 'Bitte wählen Sie eine der Schaltflächen oder schreiben Sie „ja“ oder „nein“.' };

/** The questions of "Antrag stellen"; answers the Förder-Check already gave are not asked again. */
export function applicationSteps(): Step[] {
  return [
    {
      id: 'advice',
      question: () => 'Haben Sie sich schon vom Beratungszentrum zu Ihrem Vorhaben beraten lassen?',
      choices: () => yesNo('Ja', 'Noch nicht'),
      parse: (_i, a, c) => pick(c, (v) => ({ ...a, advice: v === 'ja' })),
    },
    {
      id: 'decisions',
      applies: (a) => usesCooperationDocuments(a.projectKind),
      question: () => 'Liegen die Beschlüsse der Gemeindevertretungen (bzw. Kreistage) aller Partner zur Zusammenarbeit vor?',
      choices: () => [
        { value: 'all', title: 'Ja, von allen', synonyms: ['ja', 'alle', 'von allen'] },
        { value: 'some', title: 'Von einigen', synonyms: ['einige', 'teilweise', 'manche', 'teils'] },
        { value: 'none', title: 'Noch keine', synonyms: ['nein', 'keine', 'noch keine', 'noch nicht'] },
      ],
      parse: (_i, a, c) => pick(c, (v) => ({ ...a, decisions: v as ApplicationStatus['decisions'] })),
    },
    {
      id: 'contract',
      applies: (a) => usesCooperationDocuments(a.projectKind),
      question: (a) => (usesStatutes(a) ? 'Gibt es schon die Verbandssatzung?' : `Gibt es schon den ${contractName(a)}?`),
      choices: () => [
        { value: 'done', title: 'Ja, beschlossen', synonyms: ['ja', 'fertig', 'beschlossen', 'unterschrieben'] },
        { value: 'draft', title: 'Als Entwurf', synonyms: ['entwurf', 'in arbeit', 'teilweise'] },
        { value: 'none', title: 'Noch nicht', synonyms: ['nein', 'noch nicht', 'nee'] },
      ],
      parse: (_i, a, c) => pick(c, (v) => ({ ...a, contract: v as ApplicationStatus['contract'] })),
    },
    {
      id: 'savingsTable',
      applies: (a) => needsSavingsTable(a.projectKind),
      question: () =>
        'Haben Sie den tabellarischen Nachweis der Einsparung (bisherige Kosten jeder Kommune gegenüber den gemeinsamen Kosten)?',
      choices: () => yesNo('Ja', 'Noch nicht'),
      parse: (_i, a, c) => pick(c, (v) => ({ ...a, savingsTable: v === 'ja' })),
    },
    {
      id: 'letter',
      question: (a) =>
        usesCooperationDocuments(a.projectKind)
          ? 'Ist das formlose Antragsschreiben (Gruppenantrag) schon verfasst?'
          : 'Ist das formlose Antragsschreiben schon verfasst?',
      choices: () => yesNo('Ja', 'Noch nicht'),
      parse: (_i, a, c) => pick(c, (v) => ({ ...a, letter: v === 'ja' })),
    },
    {
      id: 'supervision',
      applies: (a) => !a.known?.includes('supervision'),
      question: () => 'Wer stellt den Antrag – wo steht diese Kommune in der Kommunalaufsicht?',
      choices: () => [
        { value: 'kreisangehoerig', title: 'Kreisangehörige Gemeinde', synonyms: ['kreisangehoerig', 'kreisangehörig', 'gemeinde'] },
        { value: 'sonderstatus', title: 'Sonderstatusstadt', synonyms: ['sonderstatus', 'sonderstatusstadt'] },
        { value: 'kreisfrei', title: 'Kreisfreie Stadt', synonyms: ['kreisfrei', 'kreisfreie stadt'] },
        { value: 'landkreis', title: 'Landkreis', synonyms: ['landkreis', 'kreis'] },
        { value: 'zusammenschluss', title: 'Zweckverband / Zusammenschluss', synonyms: ['zweckverband', 'verband', 'zusammenschluss'] },
      ],
      parse: (_i, a, c) => pick(c, (v) => ({ ...a, supervision: v as SupervisionKind })),
    },
  ];
}
