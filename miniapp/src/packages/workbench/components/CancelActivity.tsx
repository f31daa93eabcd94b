import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ACTIVITY_LIMITS, type ActivityDetail } from '@wfh/shared';
import { ApiError, cancelActivity } from '../../../api';
import { onlyIf } from '../../../components/Buttons';
import { tooLongProblem, useFormCheck } from '../../../hooks/useFormCheck';
import type { FormProblem } from '../../../utils/requests';
import { FieldError, FieldLabel, TextArea } from '../../requests/components/FormParts';

function cancelProblems({ reason }: { reason: string }): FormProblem[] {
  if (reason.trim() === '') return [{ field: 'reason', message: '请写一写为什么取消，报了名的人会收到这句话' }];
  return [tooLongProblem('reason', '取消原因', reason, ACTIVITY_LIMITS.cancelReason)].filter((problem) => problem !== null);
}

/** Calling an activity off, with the reason every woman signed up is told. */
export function CancelActivity({ activity, onCancelled }: { activity: ActivityDetail; onCancelled: (next: ActivityDetail) => void }) {
  const [reason, setReason] = useState('');
  const { problemOf, attempt, refusedBy } = useFormCheck({ reason }, cancelProblems);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const cancel = async () => {
    if (busy) return;
    setServerError(null);
    if (attempt().length > 0) return;
    const { confirm } = await Taro.showModal({
      title: '取消这个活动？',
      content: '取消后不能恢复，已报名和候补的人都会收到通知。',
      confirmText: '确定取消',
      cancelText: '不取消',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      onCancelled(await cancelActivity(activity.id, reason.trim()));
      void Taro.showToast({ title: '活动已取消', icon: 'success', duration: 2000 });
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : ApiError.network();
      // A refusal of the reason itself stays under it until she changes it; anything else is said once.
      const aboutReason = error.fields.filter((field) => field.field === 'reason');
      if (aboutReason.length > 0) refusedBy(aboutReason);
      else setServerError(error.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card cancel-activity">
      <Text className="sheet-title">取消活动</Text>
      <View className="form-field">
        <FieldLabel text="取消的原因" required />
        <TextArea className="cancel-reason" value={reason} onChange={setReason} limit={ACTIVITY_LIMITS.cancelReason} />
        <FieldError message={problemOf('reason') ?? serverError ?? undefined} />
      </View>
      <Button
        className="btn btn-secondary cancel-activity-submit"
        hoverClass="btn-pressed"
        loading={onlyIf(busy)}
        disabled={onlyIf(busy)}
        onClick={() => void cancel().catch(() => undefined)}
      >
        取消这个活动
      </Button>
    </View>
  );
}
