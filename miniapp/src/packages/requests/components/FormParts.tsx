import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { REQUEST_LIMITS, type CategoryQuestion } from '@wfh/shared';
import { LengthCounter } from '../../../components/LengthCounter';
import type { DraftAnswers } from '../../../utils/requests';

export function ChoiceButtons<T extends string | boolean>({
  options,
  value,
  onChange,
  name,
}: {
  options: ReadonlyArray<readonly [value: T, label: string]>;
  value: T | undefined;
  onChange: (value: T) => void;
  /** Becomes a class on each option, for finding them: `${name}-option`. */
  name: string;
}) {
  return (
    <View className="choice-row">
      {options.map(([option, label]) => (
        <Button
          key={String(option)}
          className={`btn choice-option ${name}-option${option === value ? ' choice-selected' : ''}`}
          hoverClass="btn-pressed"
          onClick={() => onChange(option)}
        >
          {label}
        </Button>
      ))}
    </View>
  );
}

/** Everything still wrong with the form, said together where she presses send. */
export function FormErrors({ problems }: { problems: ReadonlyArray<{ field: string; message: string }> }) {
  if (problems.length === 0) return null;
  return (
    <View className="form-errors" role="alert">
      {problems.map((problem) => (
        <Text key={problem.field} className="form-error">
          {problem.message}
        </Text>
      ))}
    </View>
  );
}

export function FieldLabel({ text, required }: { text: string; required: boolean }) {
  return (
    <Text className="field-label">
      {text}
      {required && <Text className="field-required">（必填）</Text>}
    </Text>
  );
}

export function FieldError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return <Text className="field-error">{message}</Text>;
}

/**
 * A line of text. `limit` is the server's limit for what she writes: nothing is cut at it (a pasted
 * text would lose its end without a word); the count shows near it and turns red past it, and the
 * form's own check refuses to send. `maxLength` stops typing, for fixed-size codes and numbers only.
 * Without either, no cut at all (Taro's inputs would otherwise stop at 140).
 */
export function TextField({
  value,
  onChange,
  placeholder,
  limit,
  maxLength,
  type = 'text',
  className = '',
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  limit?: number;
  maxLength?: number;
  type?: 'text' | 'number' | 'digit';
  className?: string;
}) {
  return (
    <>
      <Input
        className={`form-input ${className}`}
        value={value}
        type={type}
        placeholder={placeholder}
        maxlength={maxLength ?? -1}
        onInput={(event) => onChange(event.detail.value)}
      />
      {limit !== undefined && <LengthCounter value={value} limit={limit} />}
    </>
  );
}

/** Several lines she writes, with `limit` as in TextField: counted near it, never cut. */
export function TextArea({
  value,
  onChange,
  placeholder,
  limit,
  className = '',
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  limit: number;
  className?: string;
}) {
  return (
    <View className="textarea-field">
      <Textarea
        className={`form-textarea ${className}`}
        value={value}
        placeholder={placeholder}
        maxlength={-1}
        onInput={(event) => onChange(event.detail.value)}
      />
      <LengthCounter value={value} limit={limit} />
    </View>
  );
}

const YES_NO = [
  [true, '是'],
  [false, '否'],
] as const;

/** One of the category's own questions, drawn by its type. */
export function QuestionField({
  question,
  answers,
  onAnswer,
  error,
}: {
  question: CategoryQuestion;
  answers: DraftAnswers;
  onAnswer: (key: string, value: string | boolean) => void;
  error: string | undefined;
}) {
  const value = answers[question.key];
  const set = (next: string | boolean) => onAnswer(question.key, next);
  return (
    <View className={`form-field question question-${question.key}`}>
      <FieldLabel text={question.label} required={question.required} />
      {question.type === 'text' && (
        <TextField
          value={typeof value === 'string' ? value : ''}
          onChange={set}
          limit={question.maxLength ?? REQUEST_LIMITS.textAnswer}
        />
      )}
      {question.type === 'number' && (
        <TextField value={typeof value === 'string' ? value : ''} onChange={set} type="digit" maxLength={12} />
      )}
      {question.type === 'choice' && (
        <ChoiceButtons
          name="answer"
          options={(question.options ?? []).map((option) => [option, option] as const)}
          value={typeof value === 'string' ? value : undefined}
          onChange={set}
        />
      )}
      {question.type === 'yes_no' && (
        <ChoiceButtons name="answer" options={YES_NO} value={typeof value === 'boolean' ? value : undefined} onChange={set} />
      )}
      <FieldError message={error} />
    </View>
  );
}
