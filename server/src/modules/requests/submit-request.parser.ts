import { isUUID } from 'class-validator';
import { PHONE_PATTERN, REQUEST_LIMITS, ServiceCategoryKey, type ContactMethod, type SubmitRequestInput } from '@wfh/shared';
import type { CompiledParser } from '../../common/pipes/validation';
import { matchingText, plainJson, plainRecord, writtenText } from '../../common/pipes/well-formed';

/**
 * SubmitRequestDto's rules for the well-formed form a woman's phone sends, in one pass (issue #18:
 * class-transformer and class-validator were a large part of POST /requests). Anything else,
 * every refusal included, returns null and goes to the rules themselves, so the Chinese field errors
 * are the ones the DTO gives. test/unit/write-parsers.spec.ts compares the two on generated bodies.
 */

const FIELDS = new Set(['categoryKey', 'description', 'answers', 'contact', 'federationId', 'siteId', 'urgent', 'sensitiveConsent']);
const CONTACT_FIELDS = new Set(['method', 'phone', 'safeTimes']);
const CATEGORY_KEYS = new Set<unknown>(Object.values(ServiceCategoryKey));
const CONTACT_METHODS = new Set<unknown>(['phone', 'wechat', 'visit'] satisfies ContactMethod[]);
const FEDERATION_ID = /^\d{12}$/;

const optional = (value: unknown, rule: (v: unknown) => boolean) => value === undefined || rule(value);
const isBoolean = (value: unknown) => typeof value === 'boolean';

export const parseSubmitRequest: CompiledParser = (body) => {
  if (!plainRecord(body, FIELDS)) return null;
  const { categoryKey, description, answers, contact, federationId, siteId, urgent, sensitiveConsent } = body;
  if (!CATEGORY_KEYS.has(categoryKey) || !writtenText(description, REQUEST_LIMITS.description)) return null;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers) || !plainJson(answers)) return null;
  if (!plainRecord(contact, CONTACT_FIELDS) || !CONTACT_METHODS.has(contact.method)) return null;
  if (!optional(contact.phone, (v) => matchingText(v, PHONE_PATTERN)) || !optional(contact.safeTimes, (v) => writtenText(v, REQUEST_LIMITS.safeTimes))) return null;
  if (!matchingText(federationId, FEDERATION_ID) || !optional(siteId, (v) => isUUID(v)) || !optional(urgent, isBoolean) || !optional(sensitiveConsent, isBoolean)) {
    return null;
  }
  // A copy, as class-transformer hands the handler its own objects.
  const value: Record<string, unknown> = { ...body, answers: structuredClone(answers), contact: { ...contact } };
  return { value: value as unknown as SubmitRequestInput };
};
