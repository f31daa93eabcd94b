import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { ACTIVITY_LIMITS, type SignupInput } from '@wfh/shared';
import type { ApiError } from '../../../api';
import { onlyIf } from '../../../components/Buttons';
import { useFormCheck } from '../../../hooks/useFormCheck';
import { personProblems } from '../../../utils/activities';
import { FormErrors } from '../../requests/components/FormParts';
import { PersonFields, type Person } from './PersonFields';

/** The server's names for the fields (the attendee is nested), as this form's draft calls them. */
const SERVER_FIELDS: Record<string, string> = { 'attendee.name': 'name', 'attendee.phone': 'phone' };

/** 为家人报名: her mother, or an older woman she helps, each taking a seat of their own. */
export function RelativeForm({
  busy,
  onSubmit,
  onClose,
}: {
  busy: boolean;
  /** Resolves with the server's refusal, if it refused (the panel has said why), else null. */
  onSubmit: (input: SignupInput) => Promise<ApiError | null>;
  onClose: () => void;
}) {
  const [person, setPerson] = useState<Person>({ name: '', phone: '' });
  const { problems, problemOf, attempt, refusedBy } = useFormCheck(person, (draft) => personProblems(draft, '她'));

  const submit = async () => {
    if (busy || attempt().length > 0) return;
    const refused = await onSubmit({ attendee: { name: person.name.trim(), phone: person.phone.trim() } });
    if (refused !== null) refusedBy(refused.fields.map((field) => ({ field: SERVER_FIELDS[field.field] ?? field.field, message: field.message })));
  };

  return (
    <View className="relative-form">
      <Text className="sheet-title">为家人报名</Text>
      <Text className="hint">每人最多为{ACTIVITY_LIMITS.seatsPerWoman}位报名（含本人）。请先告诉她：姓名和电话只用于这次活动。</Text>
      <PersonFields name="relative" person={person} onChange={setPerson} problemOf={problemOf} />
      <FormErrors problems={problems} />
      <Button
        className="btn btn-primary relative-submit"
        hoverClass="btn-pressed"
        loading={onlyIf(busy)}
        disabled={onlyIf(busy)}
        onClick={() => void submit()}
      >
        为她报名
      </Button>
      <Button className="btn btn-secondary relative-close" hoverClass="btn-pressed" onClick={onClose}>
        不报了
      </Button>
    </View>
  );
}
