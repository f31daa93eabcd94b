import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { checkNickname, NICKNAME_LIMITS, type UserProfile } from '@wfh/shared';
import { ApiError, setMyName } from '../api';
import { offersWechatNickname } from '../utils/platform';
import { onlyIf } from './Buttons';

/** What WeChat reports once it has checked a nickname she entered (type="nickname" only). */
interface NicknameReviewEvent {
  detail: { pass?: boolean; timeout?: boolean };
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
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (user.nameListed && user.displayName) return <ListedName name={user.displayName} />;

  const change = (value: string) => {
    setDraft(value);
    setProblem(null);
    setDone(null);
  };

  const onNicknameReview = (event: NicknameReviewEvent) => {
    // WeChat empties the field itself when it refuses the nickname.
    if (event.detail.pass === false) {
      setDraft('');
      setProblem('微信没有通过这个称呼，请换一个');
    }
  };

  const save = async () => {
    if (busy) return;
    // Emptied after she had a name: she no longer wants one shown.
    const clearing = draft.trim() === '' && user.displayName !== null;
    const check = clearing ? null : checkNickname(draft);
    if (check && !check.ok) {
      setProblem(check.message);
      return;
    }
    setBusy(true);
    try {
      const me = await setMyName(check ? check.nickname : null);
      setDraft(me.user.displayName ?? '');
      setDone(me.user.displayName ? '已保存' : '已清除，名单上会显示为“报名者”加序号');
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : ApiError.network();
      setProblem(error.fields[0]?.message ?? error.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card name-card">
      <Text className="card-title">我的称呼</Text>
      <Text className="hint">填上您的姓名或大家平时怎么称呼您。报名参加活动时，村（社区）妇联的名单上就显示这个称呼。</Text>
      <Input
        className="form-input name-input"
        type={offersWechatNickname ? 'nickname' : 'text'}
        value={draft}
        placeholder="例如：王秀英、王大姐"
        maxlength={NICKNAME_LIMITS.maxLength * 2}
        onInput={(event) => change(event.detail.value)}
        // Picking her WeChat nickname above the keyboard fills the field without an input event on
        // some WeChat versions; blur carries the value.
        onBlur={(event) => {
          if (event.detail.value !== draft) change(event.detail.value);
        }}
        onNickNameReview={(event) => onNicknameReview(event as unknown as NicknameReviewEvent)}
      />
      {problem && <Text className="name-problem">{problem}</Text>}
      {done && <Text className="hint name-saved">{done}</Text>}
      <Button className="btn btn-primary save-name" hoverClass="btn-pressed" loading={busy} disabled={onlyIf(busy)} onClick={() => void save()}>
        保存
      </Button>
    </View>
  );
}
