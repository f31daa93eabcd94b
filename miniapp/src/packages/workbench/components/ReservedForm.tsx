import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { ActivityDetail, SignupView } from '@wfh/shared';
import { addReservedSignup, ApiError } from '../../../api';
import { onlyIf } from '../../../components/Buttons';
import { personProblems, signupResult } from '../../../utils/activities';
import type { FormProblem } from '../../../utils/requests';
import { PersonFields, type Person } from '../../activities/components/PersonFields';
import { ChoiceButtons, FieldError, FieldLabel, FormErrors } from '../../requests/components/FormParts';

/** The chair adds a woman who does not use WeChat (or needs the place kept) to a reserved place. */
export function ReservedForm({ activity, onAdded }: { activity: ActivityDetail; onAdded: (view: SignupView) => void }) {
  const [person, setPerson] = useState<Person>({ name: '', phone: '' });
  const [consent, setConsent] = useState(false);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problemOf = (field: string) => problems.find((problem) => problem.field === field)?.message;
  const left = Math.max(0, activity.reservedSeats - activity.reservedTaken);

  const add = async () => {
    if (busy) return;
    const found = personProblems(person, '她');
    if (!consent) found.push({ field: 'consent', message: '请先确认她已同意登记她的姓名和电话' });
    setProblems(found);
    setOutcome(null);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const view = await addReservedSignup(activity.id, { name: person.name.trim(), phone: person.phone.trim(), consentRecorded: true });
      setOutcome(view.state === 'confirmed' ? `已为${view.attendeeName}报名` : signupResult(view));
      setPerson({ name: '', phone: '' });
      setConsent(false);
      onAdded(view);
      void Taro.showToast({ title: '已添加', icon: 'success', duration: 2000 });
    } catch (caught) {
      setProblems([{ field: 'server', message: caught instanceof ApiError ? caught.message : ApiError.network().message }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card reserved-form">
      <Text className="sheet-title">代为报名（预留名额）</Text>
      <Text className="body-text reserved-left">
        预留名额共{activity.reservedSeats}个，还剩{left}个
      </Text>
      <PersonFields name="reserved" person={person} onChange={setPerson} problems={problems} />
      <View className="form-field">
        <FieldLabel text="她的同意" required />
        <ChoiceButtons
          name="consent"
          options={[[true, consent ? '✓ 她已同意登记姓名和电话' : '她已同意登记姓名和电话']]}
          value={consent ? true : undefined}
          onChange={() => setConsent(!consent)}
        />
        <Text className="hint">请先告诉她：姓名和电话只用于这次活动的报名和签到。</Text>
        <FieldError message={problemOf('consent')} />
      </View>
      <FormErrors problems={problems.filter((problem) => problem.field === 'server')} />
      {outcome && <Text className="reserved-outcome">{outcome}</Text>}
      <Button
        className="btn btn-primary reserved-submit"
        hoverClass="btn-pressed"
        loading={onlyIf(busy)}
        disabled={onlyIf(busy)}
        onClick={() => void add()}
      >
        为她报名
      </Button>
    </View>
  );
}
