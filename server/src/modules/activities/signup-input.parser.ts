import { ACTIVITY_LIMITS, PHONE_PATTERN, type SignupInput } from '@wfh/shared';
import type { CompiledParser } from '../../common/pipes/validation';
import { matchingText, plainRecord, writtenText } from '../../common/pipes/well-formed';

/**
 * SignupInputDto's rules for the well-formed sign-up (usually `{}`: herself), in one pass (issue
 * #18); anything else returns null and goes to the rules, which word every refusal.
 * test/unit/write-parsers.spec.ts compares the two on generated bodies.
 */

const FIELDS = new Set(['attendee']);
const ATTENDEE_FIELDS = new Set(['name', 'phone']);

export const parseSignupInput: CompiledParser = (body) => {
  if (!plainRecord(body, FIELDS)) return null;
  const { attendee } = body;
  if (attendee === undefined) return { value: {} satisfies SignupInput };
  if (!plainRecord(attendee, ATTENDEE_FIELDS)) return null;
  if (!writtenText(attendee.name, ACTIVITY_LIMITS.attendeeName) || !matchingText(attendee.phone, PHONE_PATTERN)) return null;
  return { value: { attendee: { name: attendee.name, phone: attendee.phone } } satisfies SignupInput };
};
