import { matches, maxLength } from 'class-validator';

/**
 * Checks for compiled parsers that accept only well-formed input and leave the rest to the rules
 * (CompiledValidation returning null). Each one answers as the class-validator rule of the same
 * name does, by calling class-validator's own functions where the rule is not a one-liner.
 */

/**
 * Names the rules never see in a JSON body (Nest drops `__proto__`, class-transformer skips any name
 * an object already has from Object.prototype): a body carrying one goes to the rules.
 */
const INHERITED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** A JSON object (IsObject) whose keys are all among `known`: the whitelist would refuse any other. */
export function plainRecord(value: unknown, known: ReadonlySet<string>): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (!known.has(key)) return false;
  return true;
}

/**
 * JSON as class-transformer copies it unchanged into a field without a @Type (answers): text, numbers,
 * booleans, null, and lists and objects of them, no deeper than `depth`, no inherited names.
 */
export function plainJson(value: unknown, depth = 4): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return true;
  if (depth === 0 || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.every((item) => plainJson(item, depth - 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key in value) if (INHERITED.has(key) || !plainJson((value as Record<string, unknown>)[key], depth - 1)) return false;
  return true;
}

/** IsString + NotBlank + MaxChars(limit): text a person wrote, within the limit. */
export function writtenText(value: unknown, limit: number): value is string {
  return typeof value === 'string' && value.trim().length > 0 && maxLength(value, limit);
}

/** IsString + Matches(pattern). */
export function matchingText(value: unknown, pattern: RegExp): value is string {
  return typeof value === 'string' && matches(value, pattern);
}
