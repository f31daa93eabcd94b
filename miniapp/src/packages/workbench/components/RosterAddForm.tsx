import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ROSTER_LIMITS, type RosterEntryInput, type RosterEntryView } from '@wfh/shared';
import { addRosterEntry, ApiError, showError } from '../../../api';
import { useFormCheck } from '../../../hooks/useFormCheck';
import { careWeeksOf, rosterProblems, type RosterDraft } from '../../../utils/voices';
import { FieldError, FieldLabel, FormErrors, TextField } from '../../requests/components/FormParts';
import { BusyButton } from '../../voices/components/BusyButton';
import { CheckToggle } from '../../voices/components/CheckToggle';
import { CareTagChips } from './CareTags';

/** The server's names for the fields, as this form's draft calls them. */
const SERVER_FIELDS: Record<string, string> = { careEveryWeeks: 'weeks', consentRecorded: 'consent' };

const EMPTY: RosterDraft = { name: '', phone: '', tags: [], weeks: String(ROSTER_LIMITS.defaultCareWeeks), consent: false };

/**
 * 添加联系人: her name and phone, what she may need, how often to be reminded, and (first of all)
 * that she agreed. Nothing is sent until she has.
 */
export function RosterAddForm({ federationId, onAdded }: { federationId: string; onAdded: (entry: RosterEntryView) => void }) {
  const [draft, setDraft] = useState<RosterDraft>(EMPTY);
  const { problems, problemOf, attempt, refusedBy } = useFormCheck(draft, rosterProblems);
  const [busy, setBusy] = useState(false);
  const change = (fields: Partial<RosterDraft>) => setDraft((current) => ({ ...current, ...fields }));

  const send = async () => {
    if (busy) return;
    const found = attempt();
    if (found.length > 0) {
      void Taro.showToast({ title: found[0].message, icon: 'none', duration: 3000 });
      return;
    }
    const input: RosterEntryInput = {
      name: draft.name.trim(),
      phone: draft.phone.trim(),
      tags: draft.tags,
      consentRecorded: true,
      careEveryWeeks: careWeeksOf(draft.weeks)!,
    };
    setBusy(true);
    try {
      onAdded(await addRosterEntry(federationId, input));
      setDraft(EMPTY);
      void Taro.showToast({ title: '已加入名单', icon: 'success', duration: 2000 });
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : ApiError.network();
      refusedBy(error.fields.map((field) => ({ field: SERVER_FIELDS[field.field] ?? field.field, message: field.message })));
      showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card request-form roster-add-form">
      <Text className="sheet-title">添加联系人</Text>
      <View className="form-field">
        <FieldLabel text="她的姓名" required />
        <TextField className="roster-name-input" value={draft.name} onChange={(name) => change({ name })} limit={ROSTER_LIMITS.name} />
        <FieldError message={problemOf('name')} />
      </View>
      <View className="form-field">
        <FieldLabel text="她的电话" required />
        <TextField className="roster-phone-input" value={draft.phone} onChange={(phone) => change({ phone })} placeholder="手机或座机，例如：0410-1234567" />
        <FieldError message={problemOf('phone')} />
      </View>
      <View className="form-field">
        <FieldLabel text="需要多关心的地方（可多选）" required={false} />
        <CareTagChips value={draft.tags} onChange={(tags) => change({ tags })} />
      </View>
      <View className="form-field">
        <FieldLabel text="每几周提醒我联系她" required />
        <TextField className="roster-weeks-input" value={draft.weeks} onChange={(weeks) => change({ weeks })} type="number" maxLength={2} />
        <Text className="hint">选了上面的关心标签，隔这么久没联系就会提醒您。</Text>
        <FieldError message={problemOf('weeks')} />
      </View>
      <View className="form-field">
        <FieldLabel text="她的同意" required />
        <CheckToggle name="consent" label="已征得她本人同意" checked={draft.consent} onChange={(consent) => change({ consent })} />
        <Text className="hint">加入前请先问她：愿不愿意让您记下她的电话，定期联系她。</Text>
        <FieldError message={problemOf('consent')} />
      </View>
      <FormErrors problems={problems} />
      <BusyButton className="btn-primary roster-add-submit" busy={busy} onClick={() => void send()}>
        加入名单
      </BusyButton>
    </View>
  );
}
