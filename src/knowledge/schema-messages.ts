import type { z } from 'zod';

/** The error of a strict object for editors: unknown keys with the known ones, else `expected`. */
export function keysError(kind: string, known: readonly string[], expected: string): z.core.$ZodErrorMap {
  return (issue) =>
    issue.code === 'unrecognized_keys' ? `unknown ${kind} ${issue.keys.join(', ')} (known: ${known.join(', ')})` : expected;
}

/** Turns zod issues into `field: reason` strings for problem reports (`data` tells missing from wrong). */
export function describeIssues(error: z.ZodError, data: unknown): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.join('.') || 'front matter';
    const value = issue.path.reduce<unknown>(
      (node, key) => (node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined),
      data,
    );
    const missing = issue.code === 'invalid_type' && (value === undefined || value === null);
    return missing ? `missing required field "${field}"` : `field "${field}": ${issue.message}`;
  });
}
