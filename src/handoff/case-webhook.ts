import type { Logger } from '../logging/logger.js';
import type { HandoffCase } from './handoff-case.js';

/** How long the webhook may take before the notification is given up (the case is stored anyway). */
const WEBHOOK_TIMEOUT_MS = 5000;

/**
 * Notifies another system (e-mail gateway, ticket system) of a new case with a JSON POST. The case is
 * already stored, so a failing webhook is logged and never affects the user. Only what the recipient
 * needs to route the case is sent; the transcript stays in the bot's storage.
 *
 * @example
 * ```ts
 * const notify = caseWebhook('https://tickets.example.de/hooks/ikz', logger, fetch);
 * await notify(newCase);
 * ```
 */
export function caseWebhook(url: string, logger: Logger, fetchImpl: typeof fetch = fetch): (handoffCase: HandoffCase) => Promise<void> {
  return async (handoffCase) => {
    const payload = {
      event: 'case.created',
      id: handoffCase.id,
      createdAt: handoffCase.createdAt,
      municipality: handoffCase.municipality,
      name: handoffCase.name,
      email: handoffCase.email,
      phone: handoffCase.phone,
      concern: handoffCase.concern,
      eligibility: handoffCase.eligibility,
    };
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      if (!response.ok) logger.error({ caseId: handoffCase.id, status: response.status }, 'Handoff webhook answered with an error status');
    } catch (error) {
      logger.error({ caseId: handoffCase.id, err: error }, 'Handoff webhook could not be reached');
    }
  };
}
