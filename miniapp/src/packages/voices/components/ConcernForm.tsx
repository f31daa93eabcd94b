import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { CONCERN_LIMITS, ErrorCode, looksPersonal, type ConcernInput, type FederationDetail } from '@wfh/shared';
import { ApiError, raiseConcern, showError } from '../../../api';
import { useFormCheck } from '../../../hooks/useFormCheck';
import { Routes } from '../../../utils/routes';
import { concernProblems, type ConcernDraft } from '../../../utils/voices';
import { VoicesRoutes } from '../../../utils/voices-routes';
import { FieldError, FieldLabel, FormErrors, TextArea, TextField } from '../../requests/components/FormParts';
import { BusyButton } from './BusyButton';
import { CheckToggle } from './CheckToggle';

export const COMMON_MATTERS_RULE = '这里提的是大家共同关心的事，个人或家里的事请到“我要求助”';

/**
 * Shown as soon as what she writes reads like her own case, and again if the server thinks so:
 * such a case goes to 我要求助, where one person handles it in confidence. She may still say it
 * concerns everyone and send it.
 */
function PersonalHint({ message, busy, onSendAnyway, federationId }: { message: string | null; busy: boolean; onSendAnyway: () => void; federationId: string }) {
  return (
    <View className="personal-hint" role="alert">
      <Text className="personal-hint-title">这像是您自己或家里的事</Text>
      <Text className="body-text">个人的事请到“我要求助”提出，会有专人和您单独联系，不会公开。</Text>
      {message && <Text className="body-text personal-hint-reason">{message}</Text>}
      <Button
        className="btn btn-primary go-ask-for-help"
        hoverClass="btn-pressed"
        onClick={() => void Taro.navigateTo({ url: Routes.askForHelp({ federationId }) })}
      >
        去我要求助
      </Button>
      <BusyButton className="btn-secondary send-anyway" busy={busy} onClick={onSendAnyway}>
        这是大家的事，继续提交
      </BusyButton>
    </View>
  );
}

/** 提议题: a title, what it is about, and whether her name may show. Her name stays off by default. */
export function ConcernForm({ home }: { home: FederationDetail }) {
  const [draft, setDraft] = useState<ConcernDraft>({ title: '', description: '' });
  const { title, description } = draft;
  const [showMyName, setShowMyName] = useState(false);
  const { problems, problemOf, attempt, refusedBy } = useFormCheck(draft, concernProblems);
  /** The server's own words when it, too, took this for a personal case. */
  const [serverHint, setServerHint] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Any change to what she wrote: the server's "personal case" reason was about the old words. */
  const write = (part: Partial<ConcernDraft>) => {
    setDraft((current) => ({ ...current, ...part }));
    setServerHint(null);
  };

  const personal = looksPersonal(`${title} ${description}`) || serverHint !== null;

  const send = async (notPersonal: boolean) => {
    if (busy) return;
    const found = attempt();
    if (found.length > 0) {
      void Taro.showToast({ title: found[0].message, icon: 'none', duration: 3000 });
      return;
    }
    // She sees the hint first; only her own "这是大家的事" sends a personal-looking one.
    if (personal && !notPersonal) return;
    const input: ConcernInput = {
      title: title.trim(),
      description: description.trim(),
      showMyName,
      ...(notPersonal ? { notPersonal: true } : {}),
    };
    setBusy(true);
    try {
      const created = await raiseConcern(home.id, input);
      // Replaces the form, so that 返回 from her concern does not lead back to a form already sent.
      void Taro.redirectTo({ url: VoicesRoutes.concern(created.id) });
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : ApiError.network();
      setBusy(false);
      if (error.code === ErrorCode.ConcernLooksPersonal) {
        setServerHint(error.fields.find((field) => field.field === 'description')?.message ?? error.message);
        return;
      }
      refusedBy(error.fields);
      showError(error);
    }
  };

  return (
    <View className="request-form concern-form">
      <View className="card">
        <Text className="sheet-title">提议题</Text>
        <Text className="body-text concern-rule">{COMMON_MATTERS_RULE}</Text>
        <Text className="hint">提到：{home.name}。村（社区）妇联看过后公开，大家可以联名支持。</Text>
      </View>

      <View className="card">
        <View className="form-field">
          <FieldLabel text="是什么事（一句话）" required />
          <TextField
            className="concern-title-input"
            value={title}
            onChange={(text) => write({ title: text })}
            limit={CONCERN_LIMITS.title}
            placeholder="例如：村口路灯坏了"
          />
          <FieldError message={problemOf('title')} />
        </View>
        <View className="form-field">
          <FieldLabel text="具体情况，希望怎么办" required />
          <TextArea
            className="concern-description"
            value={description}
            onChange={(text) => write({ description: text })}
            limit={CONCERN_LIMITS.description}
            placeholder="简单写几句就可以"
          />
          <FieldError message={problemOf('description')} />
        </View>
        <View className="form-field">
          <CheckToggle name="show-name" label="公开我的名字" checked={showMyName} onChange={setShowMyName} />
          <Text className="hint show-name-hint">{showMyName ? '大家会看到是您提的。' : '不公开时，大家只看到“一位村民”。'}</Text>
        </View>
      </View>

      {personal && <PersonalHint message={serverHint} busy={busy} onSendAnyway={() => void send(true)} federationId={home.id} />}
      <FormErrors problems={problems} />
      {!personal && (
        <BusyButton className="btn-primary submit-concern" busy={busy} onClick={() => void send(false)}>
          提交
        </BusyButton>
      )}
    </View>
  );
}
