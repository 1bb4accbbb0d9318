import type { ConversationReference } from 'botbuilder';
import type { Verdict } from '../funding/eligibility.js';

export type CaseStatus = 'open' | 'claimed' | 'closed';

/** One line of the conversation as the advisor reads it. */
export interface TranscriptEntry {
  from: 'user' | 'bot' | 'advisor';
  text: string;
  /** ISO timestamp. */
  at: string;
}

/** A handoff case: everything an advisor needs so nobody asks the municipality twice. */
export interface HandoffCase {
  /** `IKZ-<year>-<4-digit sequence>`. */
  id: string;
  status: CaseStatus;
  createdAt: string;
  municipality: string;
  name: string;
  email?: string;
  phone?: string;
  concern: string;
  /** When the user consented to the processing of these data. */
  consentAt: string;
  eligibility?: { verdict: Verdict; amount?: number; projectKind?: string; partners?: number };
  transcript: TranscriptEntry[];
  /** Where the user is, for relaying the advisor's answer (channel and conversation). */
  channelId: string;
  conversationId: string;
  /** How to reach the user's conversation proactively (advisor replies, case closed). */
  userReference?: Partial<ConversationReference>;
  /** The case's thread in the advisor channel: the conversation reference of the posted case card. */
  advisorThread?: { reference: Partial<ConversationReference>; rootActivityId: string };
  claimedBy?: string;
  claimedAt?: string;
  closedAt?: string;
}

/** The case number for a year and a sequence number, e.g. `IKZ-2026-0001`. */
export function caseNumber(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) throw new RangeError(`case sequence out of range: ${sequence}`);
  return `IKZ-${year}-${String(sequence).padStart(4, '0')}`;
}

/** Whether a string is a case number (for routes and commands). */
export function isCaseNumber(text: string): boolean {
  return /^IKZ-\d{4}-\d{4}$/.test(text);
}
