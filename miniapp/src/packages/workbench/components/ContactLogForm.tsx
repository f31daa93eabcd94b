import { useState } from 'react';
import { Picker, View } from '@tarojs/components';
import { CONTACT_METHOD_LABELS, ROSTER_LIMITS, type ContactLogInput, type ContactMethodKind, type RosterEntryDetail } from '@wfh/shared';
import { logContact } from '../../../api';
import { tooLongProblems, useFormCheck } from '../../../hooks/useFormCheck';
import type { FormProblem } from '../../../utils/requests';
import { shanghaiDay } from '../../../utils/time';
import { ChoiceButtons, FieldError, FieldLabel, TextArea } from '../../requests/components/FormParts';
import { CheckToggle } from '../../voices/components/CheckToggle';
import { StepForm, useStep } from './StepForm';

const METHOD_OPTIONS = (Object.keys(CONTACT_METHOD_LABELS) as ContactMethodKind[]).map(
  (method) => [method, CONTACT_METHOD_LABELS[method]] as const,
);

function contactProblems({ method, note }: { method: ContactMethodKind | undefined; note: string }): FormProblem[] {
  return [
    ...(method === undefined ? [{ field: 'method', message: '请选择是怎么联系的' }] : []),
    ...tooLongProblems([['note', '她需要什么', note, ROSTER_LIMITS.note]]),
  ];
}

/** 记一次联系: when (today unless she says otherwise), how, what she needed, whether help was asked for. */
export function ContactLogForm({ entryId, onLogged, onClose }: { entryId: string; onLogged: (entry: RosterEntryDetail) => void; onClose: () => void }) {
  const today = shanghaiDay();
  const [date, setDate] = useState(today);
  const [method, setMethod] = useState<ContactMethodKind | undefined>(undefined);
  const [note, setNote] = useState('');
  const [requestFiled, setRequestFiled] = useState(false);
  const step = useStep(onClose);
  const { problemOf, attempt } = useFormCheck({ method, note }, contactProblems);

  const save = () => {
    if (attempt().length > 0 || method === undefined) return;
    const input: ContactLogInput = { date, method, requestFiled, ...(note.trim() !== '' ? { note: note.trim() } : {}) };
    void step.run(async () => onLogged(await logContact(entryId, input)), '已记录');
  };

  return (
    <View className="card request-form">
      <StepForm title="记一次联系" className="contact-form" busy={step.busy} confirmLabel="保存" onConfirm={save} onCancel={onClose}>
        <View className="form-field">
          <FieldLabel text="哪天联系的" required />
          <Picker mode="date" value={date} end={today} onChange={(event) => setDate(String(event.detail.value))}>
            <View className="form-input picker-field contact-date">{date}</View>
          </Picker>
        </View>
        <View className="form-field">
          <FieldLabel text="怎么联系的" required />
          <ChoiceButtons name="contact-method" options={METHOD_OPTIONS} value={method} onChange={setMethod} />
          <FieldError message={problemOf('method')} />
        </View>
        <View className="form-field">
          <FieldLabel text="她需要什么（几句话就行）" required={false} />
          <TextArea className="contact-note" value={note} onChange={setNote} limit={ROSTER_LIMITS.note} />
          <FieldError message={problemOf('note')} />
        </View>
        <View className="form-field">
          <CheckToggle name="request-filed" label="已帮她提出求助" checked={requestFiled} onChange={setRequestFiled} />
        </View>
      </StepForm>
    </View>
  );
}
