import type { Answers, CategoryQuestion, FieldError } from '@wfh/shared';

const DEFAULT_TEXT_LIMIT = 200;

/** Her answers to a category's extra questions: required ones present, each of the right kind. */
export function answerProblems(questions: readonly CategoryQuestion[], answers: Answers): FieldError[] {
  const problems: FieldError[] = [];
  const known = new Set(questions.map((q) => q.key));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) problems.push({ field: `answers.${key}`, message: '这个问题不属于所选的求助类别，请删除' });
  }
  for (const question of questions) {
    const field = `answers.${question.key}`;
    const value = answers[question.key];
    if (value === undefined || value === '') {
      if (question.required) problems.push({ field, message: `请回答“${question.label}”` });
      continue;
    }
    const ok =
      question.type === 'yes_no'
        ? typeof value === 'boolean'
        : question.type === 'number'
          ? typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 10_000
          : question.type === 'choice'
            ? typeof value === 'string' && (question.options ?? []).includes(value)
            : typeof value === 'string' && value.length <= (question.maxLength ?? DEFAULT_TEXT_LIMIT);
    if (!ok) problems.push({ field, message: `“${question.label}”的回答不符合要求` });
  }
  return problems;
}
