import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { ACTIVITY_LIMITS, type SignupInput } from '@wfh/shared';
import { onlyIf } from '../../../components/Buttons';
import { personProblems } from '../../../utils/activities';
import type { FormProblem } from '../../../utils/requests';
import { FormErrors } from '../../requests/components/FormParts';
import { PersonFields, type Person } from './PersonFields';

/** 为家人报名: her mother, or an older woman she helps, each taking a seat of their own. */
export function RelativeForm({
  busy,
  onSubmit,
  onClose,
}: {
  busy: boolean;
  onSubmit: (input: SignupInput) => void;
  onClose: () => void;
}) {
  const [person, setPerson] = useState<Person>({ name: '', phone: '' });
  const [problems, setProblems] = useState<FormProblem[]>([]);

  const submit = () => {
    if (busy) return;
    const found = personProblems(person, '她');
    setProblems(found);
    if (found.length === 0) onSubmit({ attendee: { name: person.name.trim(), phone: person.phone.trim() } });
  };

  return (
    <View className="relative-form">
      <Text className="sheet-title">为家人报名</Text>
      <Text className="hint">每人最多为{ACTIVITY_LIMITS.seatsPerWoman}位报名（含本人）。请先告诉她：姓名和电话只用于这次活动。</Text>
      <PersonFields name="relative" person={person} onChange={setPerson} problems={problems} />
      <FormErrors problems={problems} />
      <Button
        className="btn btn-primary relative-submit"
        hoverClass="btn-pressed"
        loading={onlyIf(busy)}
        disabled={onlyIf(busy)}
        onClick={submit}
      >
        为她报名
      </Button>
      <Button className="btn btn-secondary relative-close" hoverClass="btn-pressed" onClick={onClose}>
        不报了
      </Button>
    </View>
  );
}
