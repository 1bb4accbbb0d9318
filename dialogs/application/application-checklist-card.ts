import { MessageFactory, type Activity } from 'botbuilder';
import type { ApplicationChecklist } from '../../src/funding/application-checklist.js';
import { citation } from '../../src/funding/programme-parameters.js';
import { adaptiveCard, submitAction, textBlock } from '../cards.js';

/** The personal checklist as an Adaptive Card (with the validity notice when due), with "Als Text", handoff and restart buttons. */
export function applicationChecklistActivity(list: ApplicationChecklist): Partial<Activity> {
  const body = [
    textBlock('Ihre nächsten Schritte zum IKZ-Förderantrag', { size: 'Medium', weight: 'Bolder' }),
    ...(list.notice ? [textBlock(`⚠️ **Hinweis:** ${list.notice}`, { color: 'Warning', spacing: 'Medium' })] : []),
    textBlock('Noch zu erledigen', { weight: 'Bolder', spacing: 'Medium' }),
    ...list.todo.map((t, i) => textBlock(`${i + 1}. ${t}`, { spacing: 'Small' })),
    ...(list.done.length > 0
      ? [
          textBlock('Schon erledigt', { weight: 'Bolder', spacing: 'Medium' }),
          textBlock(list.done.map((d) => `✅ ${d}`).join('\n\n'), { spacing: 'Small' }),
        ]
      : []),
    textBlock('Unterlagen für den Antrag', { weight: 'Bolder', spacing: 'Medium' }),
    textBlock(list.documents.map((d) => `- ${d}`).join('\n'), { spacing: 'Small' }),
    textBlock('Dienstweg', { weight: 'Bolder', spacing: 'Medium' }),
    textBlock(list.route, { spacing: 'Small' }),
    textBlock(list.decision, { spacing: 'Small' }),
    textBlock(`Bearbeitungsdauer: ${list.processingTime}. Gebühren: ${list.fees}.`, { spacing: 'Small' }),
    textBlock('Nach der Bewilligung', { weight: 'Bolder', spacing: 'Medium' }),
    textBlock(list.afterApproval.map((a) => `- ${a}`).join('\n'), { spacing: 'Small' }),
    textBlock(`Quelle: ${citation(list.source)}`, { isSubtle: true, size: 'Small' }),
  ];
  const actions = [
    submitAction('Als Text', { action: 'checklist_text' }),
    submitAction('An Beratung übergeben', { action: 'handoff' }),
    submitAction('Neu starten', { action: 'restart' }),
  ];
  const summary = `Ihre nächsten Schritte: noch ${list.todo.length} Punkte bis zum Antrag.${list.notice ? ` Hinweis: ${list.notice}` : ''}`;
  return MessageFactory.attachment(adaptiveCard(body, actions, summary), summary);
}
