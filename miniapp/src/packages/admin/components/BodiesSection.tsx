import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { federationNameFor, type FederationDetail, type RegionNode } from '@wfh/shared';
import { setBodyActive, setRegisteredWomen } from '../../../api';
import { LoadFailed, Loading } from '../../../components/StatusViews';
import { useFederation } from '../../../hooks/usePlaces';
import { FieldError, FieldLabel, TextField } from '../../requests/components/FormParts';
import { useChange, useChildRegions } from '../hooks';
import { ActionButton } from './ActionButton';

const MAX_REGISTERED = 1_000_000;

/** 开通 / 停用, asked twice: a body switched off stops receiving requests. */
function ActiveSwitch({ body, onChanged }: { body: FederationDetail; onChanged: (active: boolean) => void }) {
  const { busy, problem, confirmThenRun } = useChange();
  const turnTo = !body.active;
  const change = () =>
    confirmThenRun(
      {
        title: turnTo ? `开通${body.name}？` : `停用${body.name}？`,
        content: turnTo ? '开通后，这里的求助会送到这个妇联办理。' : '停用后，这里的新求助会交给上一级妇联办理，已有的求助不受影响。',
        confirmText: turnTo ? '开通' : '停用',
        cancelText: '不改',
      },
      async () => {
        await setBodyActive(body.id, turnTo);
        onChanged(turnTo);
      },
    );

  return (
    <View className="form-field">
      <Text className={`body-text body-active-state ${body.active ? 'body-on' : 'body-off'}`}>{body.active ? '状态：已开通' : '状态：已停用'}</Text>
      <ActionButton className="btn-secondary toggle-active" busy={busy} onClick={() => void change()}>
        {turnTo ? '开通这个妇联' : '停用这个妇联'}
      </ActionButton>
      <FieldError message={problem ?? undefined} />
    </View>
  );
}

/** 登记妇女人数: the women the body reaches, from its 花名册; empty clears it. */
function RegisteredWomenForm({ federationId }: { federationId: string }) {
  const [text, setText] = useState('');
  const [saved, setSaved] = useState(false);
  const { busy, problem, setProblem, run } = useChange();

  const save = () => {
    const trimmed = text.trim();
    const value = trimmed === '' ? null : Number(trimmed);
    setSaved(false);
    if (value !== null && (!Number.isInteger(value) || value < 0 || value > MAX_REGISTERED)) {
      setProblem('请填0到100万之间的整数；不填就是清空');
      return;
    }
    void run(async () => {
      await setRegisteredWomen(federationId, value);
      setSaved(true);
    });
  };

  return (
    <View className="form-field">
      <FieldLabel text="登记妇女人数（按妇女花名册）" required={false} />
      <Text className="hint">用来算知晓率。不填、保存，就是清空。</Text>
      <TextField className="registered-women-input" value={text} onChange={setText} type="number" maxLength={7} placeholder="例如 860" />
      <ActionButton className="btn-secondary save-registered-women" busy={busy} onClick={save}>
        保存人数
      </ActionButton>
      <FieldError message={problem ?? undefined} />
      {saved && <Text className="hint registered-women-saved">已保存</Text>}
    </View>
  );
}

function BodyPanel({ federationId }: { federationId: string }) {
  const { state, reload, set } = useFederation(federationId);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  return (
    <View className="body-panel">
      <ActiveSwitch body={state.data} onChanged={(active) => set({ ...state.data, active })} />
      <RegisteredWomenForm federationId={federationId} />
    </View>
  );
}

function BodyRow({ region }: { region: RegionNode }) {
  const [open, setOpen] = useState(false);
  const [showChildren, setShowChildren] = useState(false);
  const isTownship = region.code.length === 9;
  return (
    <View className="org-row" data-federation={region.code}>
      <View className="org-head" hoverClass="place-item-pressed" onClick={() => setOpen(!open)}>
        <Text className="place-name org-name">{federationNameFor(region.name)}</Text>
        <Text className="org-toggle">{open ? '收起' : '管理'}</Text>
      </View>
      {open && <BodyPanel federationId={region.code} />}
      {open && isTownship && region.hasChildren && (
        <Button className="btn btn-secondary show-villages" hoverClass="btn-pressed" onClick={() => setShowChildren(!showChildren)}>
          {showChildren ? '收起下属村（社区）' : '查看下属村（社区）'}
        </Button>
      )}
      {open && showChildren && <BodyList parent={region.code} />}
    </View>
  );
}

function BodyList({ parent }: { parent: string }) {
  const { state, reload } = useChildRegions(parent);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  if (state.data.length === 0) return <Text className="body-text">下面没有单位。</Text>;
  return (
    <View className="org-list">
      {state.data.map((region) => (
        <BodyRow key={region.code} region={region} />
      ))}
    </View>
  );
}

/** 组织: the county's townships and their villages; each can be switched on or off. */
export function BodiesSection({ countyId }: { countyId: string }) {
  return (
    <View className="card bodies-section">
      <Text className="card-title">本县的乡镇（街道）妇联</Text>
      <Text className="hint">点一个单位，可以开通或停用它，填写登记妇女人数。</Text>
      <BodyList parent={countyId} />
    </View>
  );
}
