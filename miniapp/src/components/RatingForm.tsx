import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { Rating, RATING_LABELS, REQUEST_LIMITS, type RateRequestInput } from '@wfh/shared';
import { tooLongProblem, useFormCheck } from '../hooks/useFormCheck';
import { ChoiceButtons, FieldError, TextArea } from '../packages/requests/components/FormParts';
import type { FormProblem } from '../utils/requests';
import { onlyIf } from './Buttons';

const HELPED = [
  [true, '是'],
  [false, '否'],
] as const;

const RATING_BUTTONS: ReadonlyArray<[Rating, string]> = [
  [Rating.Satisfied, 'rate-satisfied'],
  [Rating.Partly, 'rate-partly'],
  [Rating.Unsatisfied, 'rate-unsatisfied'],
];

interface Draft {
  helped: boolean | undefined;
  comment: string;
}

function ratingProblems({ helped, comment }: Draft): FormProblem[] {
  return [
    ...(helped === undefined ? [{ field: 'helped', message: '请先回答：对您有帮助吗？' }] : []),
    ...[tooLongProblem('comment', '想说的话', comment, REQUEST_LIMITS.ratingComment)].filter((problem) => problem !== null),
  ];
}

/**
 * Her say on what she got, said by her alone, wherever she gives it (her own request, or the page
 * she opens with a rating code). Whether it helped is asked first; then one tap on 满意 / 基本满意 /
 * 不满意 sends it. `submit` rejects when it did not go through (the caller has said why), and she
 * can tap again.
 */
export function RatingForm({ submit, unsatisfiedReopens }: { submit: (input: RateRequestInput) => Promise<void>; unsatisfiedReopens: boolean }) {
  const [helped, setHelped] = useState<boolean | undefined>(undefined);
  const [comment, setComment] = useState('');
  const { problemOf, attempt } = useFormCheck({ helped, comment }, ratingProblems);
  const [busy, setBusy] = useState(false);

  const rate = async (rating: Rating) => {
    if (busy || attempt().length > 0 || helped === undefined) return;
    setBusy(true);
    try {
      const text = comment.trim();
      await submit({ rating, helped, ...(text ? { comment: text } : {}) });
    } catch {
      // Said by the caller; the form stays as she filled it.
      setBusy(false);
    }
  };

  return (
    <View className="card rating-panel">
      <Text className="sheet-title">事情办完了，请您说一说</Text>
      <Text className="field-label">对您有帮助吗？</Text>
      <ChoiceButtons
        name="helped"
        options={HELPED}
        value={helped}
        onChange={setHelped}
      />
      <FieldError message={problemOf('helped')} />
      <Text className="field-label">还想说点什么（可以不写）</Text>
      <TextArea className="rating-comment" value={comment} onChange={setComment} limit={REQUEST_LIMITS.ratingComment} />
      <FieldError message={problemOf('comment')} />
      <Text className="field-label">您满意吗？点一下就提交</Text>
      {RATING_BUTTONS.map(([rating, className]) => (
        <Button
          key={rating}
          className={`btn ${rating === Rating.Unsatisfied ? 'btn-secondary' : 'btn-primary'} ${className}`}
          hoverClass="btn-pressed"
          disabled={onlyIf(busy)}
          onClick={() => void rate(rating)}
        >
          {RATING_LABELS[rating]}
        </Button>
      ))}
      {unsatisfiedReopens && <Text className="hint">选“不满意”，妇联会重新为您办理一次。</Text>}
    </View>
  );
}
