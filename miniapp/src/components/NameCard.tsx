import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { checkNickname, NICKNAME_LIMITS, type UserProfile } from '@wfh/shared';
import { ApiError, setMyName } from '../api';
import { tooLongProblem, useFormCheck } from '../hooks/useFormCheck';
import { offersWechatNickname } from '../utils/platform';
import type { FormProblem } from '../utils/requests';
import { onlyIf } from './Buttons';
import { LengthCounter } from './LengthCounter';

/** What WeChat reports once it has checked a nickname she entered (type="nickname" only). */
interface NicknameReviewEvent {
  detail: { pass?: boolean; timeout?: boolean };
}

/**
 * What stops her name being saved: too long first, in the words every form uses, then what
 * checkNickname (the server's own rule) refuses. Empty is fine when she had a name: it clears it.
 */
function nameProblems(name: string, hadName: boolean): FormProblem[] {
  if (name.trim() === '' && hadName) return [];
  const tooLong = tooLongProblem('name', '称呼', name, NICKNAME_LIMITS.maxLength);
  if (tooLong !== null) return [tooLong];
  const check = checkNickname(name);
  return check.ok ? [] : [{ field: 'name', message: check.message }];
}

/** The name from the county's list: shown, not edited. */
function ListedName({ name }: { name: string }) {
  return (
    <View className="card name-card">
      <Text className="card-title">我的称呼</Text>
      <Text className="me-name name-listed">{name}</Text>
      <Text className="hint">这是县妇联名单上登记的姓名，如需更改请联系县妇联。</Text>
    </View>
  );
}

/**
 * 「我的称呼」: the name a chair sees in her lists (报名名单, 签到). In WeChat the field is WeChat's
 * nickname input, which offers her WeChat nickname above the keyboard; in the browser a plain field.
 * Without a name the lists show a neutral label (personLabel), so leaving it empty is fine too.
 */
export function NameCard({ user }: { user: UserProfile }) {
  const [draft, setDraft] = useState(user.displayName ?? '');
  const { problemOf, attempt, refusedBy } = useFormCheck({ name: draft }, (form) => nameProblems(form.name, user.displayName !== null));
  /** Said once, until she types again: WeChat refused her nickname, or the server refused for no one field. */
  const [refusal, setRefusal] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (user.nameListed && user.displayName) return <ListedName name={user.displayName} />;

  const change = (value: string) => {
    setDraft(value);
    setRefusal(null);
    setDone(null);
  };

  const onNicknameReview = (event: NicknameReviewEvent) => {
    // WeChat empties the field itself when it refuses the nickname.
    if (event.detail.pass === false) {
      setDraft('');
      setRefusal('微信没有通过这个称呼，请换一个');
    }
  };

  const save = async () => {
    if (busy) return;
    setRefusal(null);
    if (attempt().length > 0) return;
    // Emptied after she had a name: she no longer wants one shown.
    const check = draft.trim() === '' ? null : checkNickname(draft);
    setBusy(true);
    try {
      const me = await setMyName(check?.ok ? check.nickname : null);
      setDraft(me.user.displayName ?? '');
      setDone(me.user.displayName ? '已保存' : '已清除，名单上会显示为“报名者”加序号');
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : ApiError.network();
      if (error.fields.length > 0) refusedBy(error.fields);
      else setRefusal(error.message);
    } finally {
      setBusy(false);
    }
  };

  const problem = refusal ?? problemOf('name');

  return (
    <View className="card name-card">
      <Text className="card-title">我的称呼</Text>
      <Text className="hint">填上您的姓名或大家平时怎么称呼您。报名参加活动时，村（社区）妇联的名单上就显示这个称呼。</Text>
      <Input
        className="form-input name-input"
        type={offersWechatNickname ? 'nickname' : 'text'}
        value={draft}
        placeholder="例如：王秀英、王大姐"
        // Never cut: a pasted name would lose its end without a word. The count and the check say it.
        maxlength={-1}
        onInput={(event) => change(event.detail.value)}
        // Picking her WeChat nickname above the keyboard fills the field without an input event on
        // some WeChat versions; blur carries the value.
        onBlur={(event) => {
          if (event.detail.value !== draft) change(event.detail.value);
        }}
        onNickNameReview={(event) => onNicknameReview(event as unknown as NicknameReviewEvent)}
      />
      <LengthCounter value={draft} limit={NICKNAME_LIMITS.maxLength} />
      {problem && <Text className="name-problem">{problem}</Text>}
      {done && <Text className="hint name-saved">{done}</Text>}
      <Button className="btn btn-primary save-name" hoverClass="btn-pressed" loading={busy} disabled={onlyIf(busy)} onClick={() => void save()}>
        保存
      </Button>
    </View>
  );
}
