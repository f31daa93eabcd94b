import { useState } from 'react';
import { textLength, tooLongMessage } from '@wfh/shared';
import type { FormProblem } from '../utils/requests';

/** A problem when the text is over its limit, in the server's words; null when it fits. */
export function tooLongProblem(field: string, label: string, value: string, limit: number): FormProblem | null {
  const length = textLength(value.trim());
  return length > limit ? { field, message: tooLongMessage(label, limit, length) } : null;
}

/** The problems of all the given fields that are over their limit: [field, label, value, limit]. */
export function tooLongProblems(fields: ReadonlyArray<readonly [field: string, label: string, value: string, limit: number]>): FormProblem[] {
  return fields.map(([field, label, value, limit]) => tooLongProblem(field, label, value, limit)).filter((p): p is FormProblem => p !== null);
}

const sameDraft = (a: object, b: object) =>
  Object.keys({ ...a, ...b }).every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);

/**
 * One way for every form to say what is wrong and to stop saying it once she has put it right.
 * Nothing shows before she first presses send; then each field flagged by that press keeps its
 * message only while the draft still fails it, checked again on every keystroke, so a message
 * goes the moment the field is right (and says the new thing if it is wrong another way). What
 * the server refused stays by its field until she changes that field (or, for one the draft does
 * not hold by that name, anything at all).
 */
export function useFormCheck<D extends object>(draft: D, check: (draft: D) => FormProblem[]) {
  const [flagged, setFlagged] = useState<ReadonlySet<string>>(() => new Set());
  const [refused, setRefused] = useState<{ problems: FormProblem[]; draft: D } | null>(null);

  const ours = flagged.size === 0 ? [] : check(draft).filter((problem) => flagged.has(problem.field));
  const theirs =
    refused === null
      ? []
      : refused.problems.filter((problem) => {
          if (ours.some((own) => own.field === problem.field)) return false;
          const key = problem.field as keyof D;
          return key in refused.draft ? refused.draft[key] === draft[key] : sameDraft(refused.draft, draft);
        });
  const problems = [...ours, ...theirs];

  return {
    problems,
    problemOf: (field: string) => problems.find((problem) => problem.field === field)?.message,
    /** Checks the draft as she presses send: the problems found (empty: send it). */
    attempt(): FormProblem[] {
      const found = check(draft);
      setFlagged(new Set(found.map((problem) => problem.field)));
      setRefused(null);
      return found;
    },
    /** The server's field errors, shown by their fields until she changes them. */
    refusedBy(problems: FormProblem[]): void {
      setRefused({ problems, draft });
    },
  };
}
