import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Picker, Text, View } from '@tarojs/components';
import { personLabel, RoleKind, type CoverView, type SetCoverRequest } from '@wfh/shared';
import { endCover, setCover } from '../../../api';
import { onlyIf } from '../../../components/Buttons';
import { LoadFailed, Loading } from '../../../components/StatusViews';
import { endOfShanghaiDay, shanghaiDay, startOfShanghaiDay } from '../../../utils/time';
import { ChoiceButtons, FieldError, FieldLabel } from '../../requests/components/FormParts';
import { useCover, useMembers } from '../hooks';
import { coverDays, deputyOf } from './CoverBanner';

/** '' stands for 不指定: nobody in particular answers while she is away. */
const NOBODY = '';

function CoverList({ covers }: { covers: readonly CoverView[] }) {
  if (covers.length === 0) return <Text className="body-text cover-none">现在没有外出安排。</Text>;
  return (
    <View>
      {covers.map((cover) => (
        <View key={`${cover.awayFrom}:${cover.chairUserId}`} className="cover-item">
          <View className="place-tags">
            <Text className={cover.current ? 'tag tag-overdue' : 'tag tag-sensitive'}>{cover.current ? '正在外出' : '即将外出'}</Text>
          </View>
          <Text className="place-name cover-days">{coverDays(cover)}</Text>
          <Text className="place-address cover-deputy">
            {deputyOf(cover) ? `由${deputyOf(cover)}代为处理` : '没有指定代为处理的人'}
          </Text>
        </View>
      ))}
    </View>
  );
}

function DateField({ label, value, start, onChange, className }: { label: string; value: string; start: string; onChange: (day: string) => void; className: string }) {
  return (
    <View className="form-field">
      <FieldLabel text={label} required />
      <Picker mode="date" value={value} start={start} onChange={(event) => onChange(String(event.detail.value))}>
        <View className={`form-input picker-field ${className}`}>{value}</View>
      </Picker>
    </View>
  );
}

/** The chair's absences, and the form to set the next one or end the current one early. */
export function CoverSettings({ federationId, federationName }: { federationId: string; federationName: string }) {
  const cover = useCover(federationId);
  const members = useMembers(federationId);
  const today = shanghaiDay();
  const [from, setFrom] = useState(today);
  const [until, setUntil] = useState(today);
  const [deputy, setDeputy] = useState<string>(NOBODY);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (cover.state.status === 'loading') return <Loading />;
  if (cover.state.status === 'failed') return <LoadFailed message={cover.state.error.message} onRetry={cover.reload} />;

  const covers = cover.state.data;
  const current = covers.find((item) => item.current);
  const deputies = members.state.status === 'ready' ? members.state.data.filter((member) => member.role === RoleKind.Deputy) : [];

  const save = async () => {
    if (busy) return;
    if (until < from) {
      setProblem('回来的日期不能早于外出的日期');
      return;
    }
    setProblem(null);
    const body: SetCoverRequest = {
      deputyUserId: deputy === NOBODY ? null : deputy,
      awayFrom: startOfShanghaiDay(from),
      awayUntil: endOfShanghaiDay(until),
    };
    setBusy(true);
    try {
      cover.set(await setCover(federationId, body));
      void Taro.showToast({ title: '已保存', icon: 'success', duration: 2000 });
    } catch {
      // The client has shown the server's reason; the form keeps what she chose.
    } finally {
      setBusy(false);
    }
  };

  const end = async () => {
    if (busy) return;
    setBusy(true);
    try {
      cover.set(await endCover(federationId));
      void Taro.showToast({ title: current ? '欢迎回来' : '已取消', icon: 'success', duration: 2000 });
    } catch {
      // The client has shown the server's reason.
    } finally {
      setBusy(false);
    }
  };

  return (
    <View>
      <View className="card">
        <Text className="card-title">外出安排{federationName ? `（${federationName}）` : ''}</Text>
        <CoverList covers={covers} />
        {covers.length > 0 && (
          <Button
            className="btn btn-secondary cover-end"
            hoverClass="btn-pressed"
            loading={onlyIf(busy)}
            disabled={onlyIf(busy)}
            onClick={() => void end()}
          >
            {current ? '我已回来' : '取消外出安排'}
          </Button>
        )}
      </View>

      <View className="card cover-form">
        <Text className="sheet-title">设置外出时间</Text>
        <DateField label="哪天开始外出" value={from} start={today} onChange={setFrom} className="cover-from" />
        <DateField label="外出到哪天（含这一天）" value={until} start={from} onChange={setUntil} className="cover-until" />
        <View className="form-field">
          <FieldLabel text="外出期间由谁代为处理" required={false} />
          {members.state.status === 'loading' && <Loading />}
          {members.state.status === 'failed' && <LoadFailed message={members.state.error.message} onRetry={members.reload} />}
          {members.state.status === 'ready' && (
            <ChoiceButtons
              name="deputy"
              options={[...deputies.map((member) => [member.userId, personLabel(member.displayName, { as: 'member', since: member.since })] as const), [NOBODY, '不指定'] as const]}
              value={deputy}
              onChange={setDeputy}
            />
          )}
          {members.state.status === 'ready' && deputies.length === 0 && (
            <Text className="hint">本村（社区）妇联还没有副主席，可以选“不指定”。</Text>
          )}
        </View>
        <FieldError message={problem ?? undefined} />
        <Button
          className="btn btn-primary cover-save"
          hoverClass="btn-pressed"
          loading={onlyIf(busy)}
          disabled={onlyIf(busy)}
          onClick={() => void save()}
        >
          保存
        </Button>
      </View>
    </View>
  );
}
