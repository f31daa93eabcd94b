import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { ActivityDetail, SignupView } from '@wfh/shared';
import { addReservedSignup, ApiError } from '../../../api';
import { onlyIf } from '../../../components/Buttons';
import { useFormCheck } from '../../../hooks/useFormCheck';
import { personProblems, signupResult } from '../../../utils/activities';
import type { FormProblem } from '../../../utils/requests';
import { PersonFields, type Person } from '../../activities/components/PersonFields';
import { ChoiceButtons, FieldError, FieldLabel, FormErrors } from '../../requests/components/FormParts';

interface Draft extends Person {
  consent: boolean;
}

const EMPTY: Draft = { name: '', phone: '', consent: false };

function reservedProblems(draft: Draft): FormProblem[] {
  const found = personProblems(draft, '她');
  if (!draft.consent) found.push({ field: 'consent', message: '请先确认她已同意登记她的姓名和电话' });
  return found;
}

/** The chair adds a woman who does not use WeChat (or needs the place kept) to a reserved place. */
export function ReservedForm({ activity, onAdded }: { activity: ActivityDetail; onAdded: (view: SignupView) => void }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const { problemOf, attempt, refusedBy } = useFormCheck(draft, reservedProblems);
  const [serverError, setServerError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const left = Math.max(0, activity.reservedSeats - activity.reservedTaken);
  const consent = draft.consent;

  const add = async () => {
    if (busy) return;
    const found = attempt();
    setServerError(null);
    setOutcome(null);
    if (found.length > 0) return;
    setBusy(true);
    try {
      const view = await addReservedSignup(activity.id, { name: draft.name.trim(), phone: draft.phone.trim(), consentRecorded: true });
      setOutcome(view.state === 'confirmed' ? `已为${view.attendeeName}报名` : signupResult(view));
      setDraft(EMPTY);
      onAdded(view);
      void Taro.showToast({ title: '已添加', icon: 'success', duration: 2000 });
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : ApiError.network();
      setServerError(error.message);
      refusedBy(error.fields);
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
      <PersonFields name="reserved" person={draft} onChange={(person) => setDraft((current) => ({ ...current, ...person }))} problemOf={problemOf} />
      <View className="form-field">
        <FieldLabel text="她的同意" required />
        <ChoiceButtons
          name="consent"
          options={[[true, consent ? '✓ 她已同意登记姓名和电话' : '她已同意登记姓名和电话']]}
          value={consent ? true : undefined}
          onChange={() => setDraft((current) => ({ ...current, consent: !current.consent }))}
        />
        <Text className="hint">请先告诉她：姓名和电话只用于这次活动的报名和签到。</Text>
        <FieldError message={problemOf('consent')} />
      </View>
      <FormErrors problems={serverError === null ? [] : [{ field: 'server', message: serverError }]} />
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
