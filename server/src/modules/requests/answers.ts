import { REQUEST_LIMITS, type AnswerView, type Answers, type CategoryQuestion, type FieldError } from '@wfh/shared';

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
            : typeof value === 'string' && value.length <= (question.maxLength ?? REQUEST_LIMITS.textAnswer);
    if (!ok) problems.push({ field, message: `“${question.label}”的回答不符合要求` });
  }
  return problems;
}

/** An answer in words. A choice is stored as the option's own words, which are its label. */
function answerWords(value: Answers[string]): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/**
 * Her answers as a handler reads them: under each question's label, in the catalogue's order. An
 * answer whose question has since left the catalogue still shows, last, under its key.
 */
export function answerViews(questions: readonly CategoryQuestion[], answers: Answers): AnswerView[] {
  const asked = questions.filter((question) => answers[question.key] !== undefined);
  const known = new Set(questions.map((question) => question.key));
  return [
    ...asked.map((question) => ({ key: question.key, label: question.label, value: answerWords(answers[question.key]) })),
    ...Object.keys(answers)
      .filter((key) => !known.has(key))
      .map((key) => ({ key, label: key, value: answerWords(answers[key]) })),
  ];
}
