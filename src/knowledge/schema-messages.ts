import { z } from 'zod';

/**
 * `z.strictObject` with an error for editors: an unknown key is named with the known ones (of `kind`:
 * "setting(s)", "section(s)" …), any other problem with the object as a whole says what is `expected`.
 */
export function strictObject<Shape extends z.core.$ZodLooseShape>(shape: Shape, kind: string, expected: string) {
  const known = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown ${kind} ${issue.keys.join(', ')} (known: ${known})` : expected),
  });
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
