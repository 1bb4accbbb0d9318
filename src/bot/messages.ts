import type { AppConfig } from '../config/config.js';
import type { OfficeContactField } from '../knowledge/detail-kinds.js';

/** Contact data of the office shown to users (from configuration, never from the knowledge base). */
export type OfficeContact = AppConfig['office'];

/** The bot's fixed German texts in one place, so wording is reviewed and changed here only. */
export const TEXT = {
  greeting:
    'Guten Tag! Ich bin der **IKZ-Assistent** der Kommunalen Beratungs- und Unterstützungsstelle – Partner der Kommunen.\n\n' +
    'Ich beantworte Fragen zur interkommunalen Zusammenarbeit (IKZ) in Hessen und zum Förderprogramm des Landes: ' +
    'wer Anträge stellen darf, welche Voraussetzungen gelten, wie hoch die Förderung ist und wie das Verfahren läuft. ' +
    'Schreiben Sie Ihre Frage einfach in eigenen Worten.\n\n' +
    '_Ich bin ein automatischer Assistent; meine Antworten sind nicht rechtsverbindlich. Bitte geben Sie keine personenbezogenen Daten ein._',
  greetingAgain: 'Hallo! Was möchten Sie zur interkommunalen Zusammenarbeit wissen?',
  help:
    '**So nutzen Sie den IKZ-Assistenten**\n\n' +
    '- Stellen Sie Ihre Frage in eigenen Worten, zum Beispiel „Wie viel Förderung gibt es für drei Gemeinden?“.\n' +
    '- Unter jeder Antwort stehen Quelle und Stand sowie passende weitere Themen als Schaltflächen.\n' +
    '- „Förder-Check“ prüft Schritt für Schritt, ob Ihr Vorhaben gefördert werden kann, und schätzt die Förderung.\n' +
    '- „Antrag stellen“ zeigt Ihnen, was für den Antrag noch fehlt und welchen Weg er nimmt.\n' +
    '- „Beratung“ nennt Ihnen den Weg zu einer Beraterin oder einem Berater der Beratungsstelle.\n' +
    '- „neu starten“ beginnt das Gespräch von vorn.',
  restarted: 'Alles klar, wir fangen von vorn an.',
  thanks: 'Gern geschehen! Haben Sie noch eine Frage zur interkommunalen Zusammenarbeit?',
  goodbye: 'Auf Wiedersehen! Sie können jederzeit wiederkommen.',
  clarify: 'Ihre Frage passt zu mehreren Themen. Welches meinen Sie?',
  noAnswer:
    'Dazu kann ich leider keine verlässliche Antwort geben. Ich kenne mich mit der interkommunalen Zusammenarbeit ' +
    'und dem IKZ-Förderprogramm in Hessen aus. Gern kann sich eine Beraterin oder ein Berater der Beratungsstelle Ihre Frage ansehen.',
  outsideScope:
    'Dazu kann ich leider nichts sagen: Ich kenne nur das Förderprogramm des Landes Hessen zur interkommunalen Zusammenarbeit, ' +
    'nicht die Programme anderer Länder, des Bundes oder der EU. Gern kann sich eine Beraterin oder ein Berater der Beratungsstelle Ihre Frage ansehen.',
  emptyQuestion: 'Ich habe keine Frage erkannt. Schreiben Sie mir bitte in ein paar Worten, was Sie wissen möchten.',
  tooLong: 'Ihre Nachricht ist leider zu lang für mich. Bitte stellen Sie Ihre Frage kürzer, in höchstens {max} Zeichen.',
  notText: 'Ich kann leider nur Textnachrichten lesen, keine Dateien oder Bilder. Bitte schreiben Sie Ihre Frage als Text.',
  caseExists:
    'Ihr Anliegen liegt schon als Fall {id} bei der Beratungsstelle; sie meldet sich bei Ihnen. Sie können mir gern weitere Fragen stellen.',
  handoffAccepted: 'Eine Beraterin oder ein Berater der Beratungsstelle übernimmt jetzt das Gespräch.',
  handoffCompleted: 'Die Beratung ist beendet. Sie sprechen wieder mit dem IKZ-Assistenten.',
  noAnswerAgain:
    'Auch dazu finde ich leider keine verlässliche Antwort. Am besten hilft Ihnen hier eine Beraterin oder ein Berater der Beratungsstelle weiter – soll ich Ihr Anliegen übergeben?',
  noChecklist: 'Es gibt noch keine Checkliste. Starten Sie dazu „Antrag stellen“.',
  dialogUnavailable:
    'Der geführte Dialog ist gerade nicht verfügbar. Ihre Fragen beantworte ich trotzdem gern, oder Sie wenden sich an die Beratung.',
  buttonEligibility: 'Förder-Check starten',
  buttonHelpful: '👍 Hilfreich',
  buttonNotHelpful: '👎 Nicht hilfreich',
  feedbackThanks: 'Danke für Ihre Rückmeldung!',
  feedbackAskComment:
    'Danke! Was hat gefehlt oder war falsch? Schreiben Sie es kurz – oder „überspringen“. Bitte keine personenbezogenen Daten.',
  feedbackCommentThanks: 'Danke, Ihr Hinweis geht an die Redaktion.',
  feedbackSkipped: 'Alles klar.',
  buttonApplication: 'Antrag stellen',
  unknownArticle: 'Dieses Thema gibt es leider nicht mehr. Stellen Sie Ihre Frage bitte noch einmal in eigenen Worten.',
  pleaseRepeat: 'Das hat gerade nicht geklappt. Bitte senden Sie Ihre letzte Nachricht noch einmal.',
  apology: 'Entschuldigung, bei mir ist gerade etwas schiefgelaufen. Bitte stellen Sie Ihre Frage noch einmal.',
  relatedTitle: 'Passende Themen',
  clarifyNone: 'Nichts davon – Beratung',
  buttonHandoff: 'An Beratung übergeben',
  buttonHelp: 'Hilfe',
  relatedToTopic: '_Bezogen auf: {title}_',
  missingDetail:
    'Dazu liegen mir keine gesicherten Angaben vor, und ich möchte Ihnen nichts Falsches sagen. ' +
    'Gern kann sich eine Beraterin oder ein Berater der Beratungsstelle Ihre Frage ansehen.',
  missingDetailAgain:
    'Dazu liegen mir keine gesicherten Angaben vor. Am besten hilft Ihnen hier eine Beraterin oder ein Berater der Beratungsstelle weiter – soll ich Ihr Anliegen übergeben?',
  openPoint: 'Offen ist laut meinen Informationen: {point}.',
  relatedTopic: 'Verwandtes Thema: „{title}“ – unten als Schaltfläche.',
  relatedTopics: 'Verwandte Themen: {titles} – unten als Schaltflächen.',
  missingDetailInAnswer: '**Nicht in meinen Informationen:** {missing}',
  contactLine: '**Kontakt:** {contact}',
  twoAnswersIntro: 'Sie haben zwei Fragen gestellt – hier beide Antworten in Kürze:',
  comparisonIntro: '**{left}** und **{right}** im Vergleich – das Wichtigste in Kürze:',
  comparisonOverview: 'Beide im Überblick',
  offerEligibility:
    'Ob Ihr Vorhaben alle Voraussetzungen erfüllt, prüfe ich gern Schritt für Schritt mit Ihnen: Tippen Sie unten auf „Förder-Check starten“.',
  offerApplication:
    'Was für Ihren Antrag noch fehlt, gehe ich gern Schritt für Schritt mit Ihnen durch: Tippen Sie unten auf „Antrag stellen“.',
  furtherQuestionTitle: 'Ihre weitere Frage beantworte ich gern als Nächstes – tippen Sie dazu unten auf die Schaltfläche:',
  leaveDialogForHandoff:
    'Sie möchten mit einer Beraterin oder einem Berater sprechen. Soll ich dafür den {dialog} beenden und Ihr Anliegen an die Beratungsstelle übergeben?',
  buttonLeaveForHandoff: 'Ja, zur Beratung',
  buttonStayInDialog: 'Nein, weiter',
  stayInDialog: 'Gut, dann machen wir weiter.',
  grantHeadline: '**In der Regel {amount}** {subject} · Stand: {asOf}',
  grantHeadlineUpTo: '**In der Regel höchstens {amount}** {subject} · Stand: {asOf}',
  grantCalculation: 'So gerechnet: {calculation}',
  grantRule: 'Regel: {rule}',
  grantLine: '**Für Ihren Fall:** in der Regel {amount} {subject} ({calculation}; Stand: {asOf}).',
  grantAsk: 'Den Betrag für Ihren Fall rechne ich gern aus: {question}',
  planPoints: '**Zu Ihrem Vorhaben sagen die Förderregeln:**',
  grantNotApplicable: '**Für Ihren Fall:** {reason}',
  grantCheck: 'Ob Ihr Vorhaben die Voraussetzungen erfüllt, prüft der Förder-Check Schritt für Schritt.',
  suggestedQuestions: ['Wer darf einen Antrag stellen?', 'Wie hoch ist die Förderung?', 'Welche Unterlagen brauche ich?'],
} as const;

/** How to reach the office: phone, e-mail (when configured) and website. */
export function contactText(office: OfficeContact): string {
  const ways = [
    office.phone ? `telefonisch unter ${office.phone}` : '',
    office.email ? `per E-Mail an ${office.email}` : '',
    `über die Website ${office.url}`,
  ].filter(Boolean);
  return `Sie erreichen die ${office.name} ${joinGerman(ways)}. Schildern Sie dort kurz Ihr Vorhaben; die Beratung ist für hessische Kommunen da.`;
}

/**
 * The answer to a question for the office's contact data (phone, e-mail, website, when it is reachable), all from the
 * configuration: the phone and e-mail only when configured, the office hours when given (`Mo–Fr 08:00–16:00 Uhr`).
 */
export function contactAnswerText(office: OfficeContact, hours?: string, unknown: readonly OfficeContactField[] = []): string {
  const lines = [
    office.phone ? `- Telefon: ${office.phone}${hours ? ` (erreichbar ${hours})` : ''}` : '',
    office.email ? `- E-Mail: ${office.email}` : '',
    `- Website: ${office.url}`,
  ].filter(Boolean);
  const reachable = !office.phone && hours ? [`Die Beratungsstelle ist ${hours} besetzt.`] : [];
  // Asked for a way of contact that is not configured: said honestly, never made up.
  const missing = unknown.filter((field) => !office[field]).map((field) => CONTACT_FIELD_NAMES[field]);
  return [
    ...(missing.length > 0
      ? [`${joinGerman(missing).replace(/^./, (c) => c.toUpperCase())} der Beratungsstelle ist mir nicht bekannt.`]
      : []),
    `So erreichen Sie die ${office.name}:`,
    lines.join('\n'),
    ...reachable,
    'Gern gebe ich Ihr Anliegen auch direkt an eine Beraterin oder einen Berater weiter – tippen Sie dazu unten auf „An Beratung übergeben“.',
  ].join('\n\n');
}

/** The ways of contact in words, for a question that asks for one the configuration lacks. */
const CONTACT_FIELD_NAMES: Record<OfficeContactField, string> = {
  phone: 'eine Telefonnummer',
  email: 'eine E-Mail-Adresse',
  url: 'eine Website',
};

/** `YYYY-MM-DD` → `TT.MM.JJJJ`. */
export function germanDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

function joinGerman(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} oder ${parts.at(-1)}`;
}
