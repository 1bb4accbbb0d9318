/**
 * The document-store collections that hold personal data or point to it, and that retention (`RETENTION_DAYS`)
 * therefore deletes on every backend: handoff cases and their handoff keys, the self-hosted web chat's
 * conversations with their message logs, analytics events (feedback included) and conversation transcripts.
 * Counters, settings (the advisor channel) and the web chat's conversation index (ids and times only) stay.
 * One list for all backends, so they cannot drift apart.
 */
export const RETAINED_COLLECTIONS = ['cases', 'case-keys', 'directline', 'events', 'transcripts'] as const;
