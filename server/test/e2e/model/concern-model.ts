import { ErrorCode, type ConcernOutcome, type ConcernStatus } from '@wfh/shared';
import type { ModelBase } from '../../support/model-run';

/**
 * What a village's concerns (议题) should do, written from the design as a small model of its own: a
 * woman of the village raises one; the chair (or the county's admin) publishes or declines it, or
 * merges a duplicate into another; women of the village co-sign an open one once each and may take
 * their name back; the council answers. Pending and declined ones stay between the author and the
 * moderators; everything else is on the public board.
 */

export type Woman = 'anna' | 'bea' | 'cai' | 'dora';
export type Official = 'chair' | 'admin' | 'staff';
export type Person = Woman | Official;
/** anna, bea and cai live in the village; dora in the other village. */
export const WOMEN: readonly Woman[] = ['anna', 'bea', 'cai', 'dora'];
export const OFFICIALS: readonly Official[] = ['chair', 'admin', 'staff'];
export const PEOPLE: readonly Person[] = [...WOMEN, ...OFFICIALS];
const OF_THE_VILLAGE: ReadonlySet<Person> = new Set<Person>(['anna', 'bea', 'cai']);
/** The village's chair and the county's admins moderate; township staff do not. */
const MODERATORS: ReadonlySet<Person> = new Set<Person>(['chair', 'admin']);

const PUBLIC: readonly ConcernStatus[] = ['published', 'merged', 'accepted', 'in_progress', 'done', 'not_adopted'];
/** Open for co-signatures, for answers, and as the target of a merge. */
const OPEN: readonly ConcernStatus[] = ['published', 'accepted', 'in_progress'];

export interface ConcernModel {
  id: string;
  author: Woman;
  title: string;
  status: ConcernStatus;
  cosigners: Set<Woman>;
  updates: Array<{ status: ConcernOutcome; text: string }>;
  declineReason: string | null;
  mergedInto: ConcernModel | null;
}

export interface ConcernsModel extends ModelBase {
  concerns: ConcernModel[];
}

export type Outcome = { ok: true } | { ok: false; status: number; code: ErrorCode };
const OK: Outcome = { ok: true };
const refused = (status: number, code: ErrorCode): Outcome => ({ ok: false, status, code });

export const isPublic = (c: ConcernModel) => PUBLIC.includes(c.status);
export const isModerator = (who: Person | null) => who !== null && MODERATORS.has(who);

export function maySee(who: Person | null, c: ConcernModel): boolean {
  return isPublic(c) || who === c.author || isModerator(who);
}

export function raise(m: ConcernsModel, id: string, who: Person, title: string): Outcome {
  if (!OF_THE_VILLAGE.has(who)) return refused(403, ErrorCode.ConcernNotInBody);
  m.concerns.push({ id, author: who as Woman, title, status: 'pending', cosigners: new Set(), updates: [], declineReason: null, mergedInto: null });
  return OK;
}

/** The moderators' steps share their refusals: unseen is 404, not a moderator 403, wrong status 409. */
function moderation(who: Person, c: ConcernModel, from: readonly ConcernStatus[]): Outcome | null {
  if (!maySee(who, c)) return refused(404, ErrorCode.ConcernNotFound);
  if (!isModerator(who)) return refused(403, ErrorCode.Forbidden);
  if (!from.includes(c.status)) return refused(409, ErrorCode.ConcernStateConflict);
  return null;
}

export function publish(m: ConcernsModel, c: ConcernModel, who: Person): Outcome {
  const no = moderation(who, c, ['pending']);
  if (no) return no;
  c.status = 'published';
  m.reached.add('published');
  return OK;
}

export function decline(m: ConcernsModel, c: ConcernModel, who: Person, reason: string): Outcome {
  const no = moderation(who, c, ['pending', 'published']);
  if (no) return no;
  c.status = 'declined';
  c.declineReason = reason;
  m.reached.add('declined');
  return OK;
}

/** A duplicate goes into an open concern; its author and co-signers stand behind that one now (once each). */
export function merge(m: ConcernsModel, c: ConcernModel, into: ConcernModel, who: Person): Outcome {
  const no = moderation(who, c, ['pending', 'published']);
  if (no) return no;
  if (into === c || !OPEN.includes(into.status)) return refused(400, ErrorCode.ValidationFailed);
  for (const woman of [c.author, ...c.cosigners]) if (woman !== into.author) into.cosigners.add(woman);
  c.status = 'merged';
  c.mergedInto = into;
  m.reached.add('merged');
  return OK;
}

export function answer(m: ConcernsModel, c: ConcernModel, who: Person, status: ConcernOutcome, text: string): Outcome {
  const no = moderation(who, c, OPEN);
  if (no) return no;
  c.status = status;
  c.updates.push({ status, text });
  m.reached.add(`answered ${status}`);
  if (c.updates.length > 1) m.reached.add('answered again');
  return OK;
}

/** A woman of the village puts her name to an open concern she did not raise, once. */
export function cosign(m: ConcernsModel, c: ConcernModel, who: Person): Outcome {
  if (!maySee(who, c)) return refused(404, ErrorCode.ConcernNotFound);
  if (!OPEN.includes(c.status)) return refused(409, ErrorCode.ConcernNotOpen);
  if (who === c.author) return refused(409, ErrorCode.OwnConcern);
  if (!OF_THE_VILLAGE.has(who)) return refused(403, ErrorCode.ConcernNotInBody);
  if (c.cosigners.has(who as Woman)) return refused(409, ErrorCode.AlreadyCosigned);
  c.cosigners.add(who as Woman);
  m.reached.add('co-signed');
  return OK;
}

/** She takes her name back from a concern she can still see. */
export function withdrawCosign(m: ConcernsModel, c: ConcernModel, who: Person): Outcome {
  if (!maySee(who, c)) return refused(404, ErrorCode.ConcernNotFound);
  if (!c.cosigners.has(who as Woman)) return refused(409, ErrorCode.NotCosigned);
  c.cosigners.delete(who as Woman);
  m.reached.add('co-signature withdrawn');
  return OK;
}

export interface ExpectedDetail {
  status: ConcernStatus;
  cosignCount: number;
  isMine: boolean;
  cosignedByMe: boolean;
  canCosign: boolean;
  canModerate: boolean;
  declineReason: string | null;
  mergedInto: string | null;
  updates: Array<{ status: ConcernOutcome; text: string }>;
}

export function detailFor(who: Person | null, c: ConcernModel): ExpectedDetail {
  const isMine = who === c.author;
  const cosignedByMe = who !== null && c.cosigners.has(who as Woman);
  return {
    status: c.status,
    cosignCount: c.cosigners.size,
    isMine,
    cosignedByMe,
    canCosign: who !== null && !isMine && !cosignedByMe && OF_THE_VILLAGE.has(who) && OPEN.includes(c.status),
    canModerate: isModerator(who),
    // Why it was not taken up is between her and the moderators.
    declineReason: isMine || isModerator(who) ? c.declineReason : null,
    mergedInto: c.mergedInto?.id ?? null,
    updates: c.updates,
  };
}
