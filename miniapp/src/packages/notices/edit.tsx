import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Picker, RichText, Text, Textarea, View } from '@tarojs/components';
import {
  NOTICE_KINDS,
  NOTICE_KIND_LABELS,
  NOTICE_LIMITS,
  NOTICE_STATE_LABELS,
  Permission,
  type NoticeKind,
  type NoticeReach,
  type NoticeView,
} from '@wfh/shared';
import { createNotice, fetchNotice, fetchNoticeReach, publishNotice, updateNotice, withdrawNotice } from '../../api/notices';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useLoad } from '../../hooks/useLoad';
import { formatDateTime, shanghaiDay } from '../../utils/time';
import { BodyPage } from '../workbench/components/BodyPage';
import { useQueryParam } from '../voices/hooks';
import { fitImages } from './notice-html';
import '../../styles/notices.css';

const HOW_TO_WRITE = '写法：一行以“# ”开头是小标题，以“- ”开头是列表，空一行是新的一段；网址直接贴上就是链接。';

/** 2026-12-10 and 09:30 in Shanghai time, as the instant the server wants. */
function shanghaiInstant(day: string, time: string): string {
  return new Date(`${day}T${time}:00+08:00`).toISOString();
}

function Reach({ id }: { id: string }) {
  const { state } = useLoad<NoticeReach>(`reach:${id}`, () => fetchNoticeReach(id));
  if (state.status !== 'ready') return null;
  const rows = [state.data.total, ...state.data.bodies];
  const share = (rate: number | null) => (rate === null ? '未登记妇女人数' : `${Math.round(rate * 1000) / 10}%`);
  return (
    <View className="card notice-reach">
      <Text className="card-title">看过的人数（不显示是谁）</Text>
      {rows.map((row, i) => (
        <View key={row.federationId} className="reach-row">
          <Text>{i === 0 ? `合计 ${row.name}` : row.name}</Text>
          <Text>
            {row.opened}人{row.registered !== null ? ` / 登记${row.registered}人` : ''} · {share(row.rate)}
          </Text>
        </View>
      ))}
    </View>
  );
}

function Editor({ federationId, notice, onSaved }: { federationId: string; notice: NoticeView | null; onSaved: (n: NoticeView) => void }) {
  const [kind, setKind] = useState<NoticeKind>(notice?.kind ?? 'announcement');
  const [title, setTitle] = useState(notice?.title ?? '');
  const [body, setBody] = useState(notice?.source?.bodyFormat === 'text' ? notice.source.body : (notice?.source?.body ?? ''));
  const [day, setDay] = useState(shanghaiDay(Date.now() + 24 * 3600_000));
  const [time, setTime] = useState('09:00');
  const [busy, setBusy] = useState(false);

  const save = async (): Promise<NoticeView | null> => {
    const input = { kind, title, body, bodyFormat: 'text' as const };
    try {
      const saved = notice ? await updateNotice(notice.id, input) : await createNotice(federationId, input);
      onSaved(saved);
      return saved;
    } catch {
      // The client shows the server's reason as a toast.
      return null;
    }
  };
  const run = async (step: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      await step();
    } finally {
      setBusy(false);
    }
  };
  const publish = (at: string | null) =>
    run(async () => {
      const saved = await save();
      if (!saved) return;
      try {
        onSaved(await publishNotice(saved.id, at));
        void Taro.showToast({ title: at ? '已定好时间，到时自动发布' : '已发布', icon: 'success' });
      } catch {
        // Shown as a toast by the client.
      }
    });

  return (
    <View className="card notice-editor">
      <Text className="card-title">类别</Text>
      {NOTICE_KINDS.map((k) => (
        <Button key={k} className={`btn ${k === kind ? 'btn-primary' : 'btn-secondary'} notice-kind`} hoverClass="btn-pressed" onClick={() => setKind(k)}>
          {NOTICE_KIND_LABELS[k]}
        </Button>
      ))}
      <Text className="card-title">标题</Text>
      <Input className="notice-input notice-title-input" value={title} maxlength={NOTICE_LIMITS.title} placeholder="例如：冬季两癌免费筛查的通知" onInput={(e) => setTitle(e.detail.value)} />
      <Text className="card-title">正文</Text>
      <Text className="hint">{HOW_TO_WRITE}</Text>
      <Textarea className="notice-textarea notice-body-input" value={body} maxlength={NOTICE_LIMITS.body} autoHeight onInput={(e) => setBody(e.detail.value)} />
      <Button className="btn btn-secondary save-notice" hoverClass="btn-pressed" disabled={busy} onClick={() => void run(async () => { if (await save()) void Taro.showToast({ title: '草稿已保存', icon: 'success' }); })}>
        存草稿
      </Button>
      <Button className="btn btn-primary publish-notice" hoverClass="btn-pressed" disabled={busy} onClick={() => void publish(null)}>
        马上发布
      </Button>
      <Text className="card-title">定时发布</Text>
      <Picker mode="date" value={day} onChange={(e) => setDay(String(e.detail.value))}>
        <View className="btn btn-secondary notice-day">日期：{day}</View>
      </Picker>
      <Picker mode="time" value={time} onChange={(e) => setTime(String(e.detail.value))}>
        <View className="btn btn-secondary notice-time">时间：{time}</View>
      </Picker>
      <Button className="btn btn-secondary schedule-notice" hoverClass="btn-pressed" disabled={busy} onClick={() => void publish(shanghaiInstant(day, time))}>
        定时发布
      </Button>
    </View>
  );
}

function NoticeWork({ federationId, id }: { federationId: string; id: string | null }) {
  const loaded = useLoad<NoticeView | null>(id === null ? 'new-notice' : `notice:${id}`, () => (id === null ? Promise.resolve(null) : fetchNotice(id)));
  const { state, reload, set } = loaded;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  const notice = state.data;
  const withdraw = async () => {
    const answer = await Taro.showModal({ title: '撤回这条通知？', content: '撤回后大家就看不到了，不能再发布。', confirmText: '撤回' });
    if (!answer.confirm || !notice) return;
    try {
      set(await withdrawNotice(notice.id));
    } catch {
      // Shown as a toast by the client.
    }
  };
  const editable = notice === null || notice.state === 'draft' || notice.state === 'scheduled';
  return (
    <View>
      {notice && (
        <View className="card">
          <Text className="notice-state notice-work-state">
            {NOTICE_STATE_LABELS[notice.state]}
            {notice.publishedAt && notice.state !== 'draft' ? `：${formatDateTime(notice.publishedAt)}` : ''}
          </Text>
          {!editable && (
            <View className="notice-body">
              <Text className="notice-title">{notice.title}</Text>
              <RichText nodes={fitImages(notice.bodyHtml)} />
            </View>
          )}
        </View>
      )}
      {editable && <Editor federationId={federationId} notice={notice} onSaved={set} />}
      {notice && (notice.state === 'published' || notice.state === 'scheduled') && (
        <Button className="btn btn-secondary withdraw-notice" hoverClass="btn-pressed" onClick={() => void withdraw()}>
          撤回
        </Button>
      )}
      {notice && notice.state === 'published' && <Reach id={notice.id} />}
    </View>
  );
}

/** Write a notice, keep it as a draft, publish it now or at a set time, withdraw it; see how many read it. */
export default function EditNoticePage() {
  const id = useQueryParam('id');
  return (
    <BodyPage title="写通知" permissions={[Permission.PublishNotices]} refusal="您在这里没有发布通知的职务。">
      {(_me, federationId) => <NoticeWork federationId={federationId} id={id} />}
    </BodyPage>
  );
}
