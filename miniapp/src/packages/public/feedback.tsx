import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  FEEDBACK_LIMITS,
  PHONE_PATTERN,
  RegionLevel,
  type FeedbackInput,
  type FeedbackKind,
  type FeedbackView,
  type FederationDetail,
} from '@wfh/shared';
import { ApiError, fetchMyFeedback, submitFeedback } from '../../api';
import { onlyIf } from '../../components/Buttons';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { tooLongProblem, useFormCheck } from '../../hooks/useFormCheck';
import { useLoad } from '../../hooks/useLoad';
import { Routes } from '../../utils/routes';
import { formatDate } from '../../utils/time';
import { ChoiceButtons, FieldLabel, FormErrors, TextArea, TextField } from '../requests/components/FormParts';
import '../../styles/requests.css';
import './public.css';

const KINDS: ReadonlyArray<readonly [FeedbackKind, string]> = [
  ['complaint', '投诉'],
  ['suggestion', '建议'],
];
const KIND_LABELS: Record<FeedbackKind, string> = { complaint: '投诉', suggestion: '建议' };

/** Enough words to say what happened. */
const FEEDBACK_MIN_TEXT = 5;

interface Draft {
  kind: FeedbackKind | undefined;
  federationId: string;
  text: string;
  phone: string;
}

/** Everything wrong with the form, said together where she presses send. */
function feedbackProblems(draft: Draft): Array<{ field: string; message: string }> {
  const text = draft.text.trim();
  const phone = draft.phone.trim();
  return [
    ...(draft.kind === undefined ? [{ field: 'kind', message: '请选择是投诉还是建议' }] : []),
    ...(text.length < FEEDBACK_MIN_TEXT ? [{ field: 'text', message: `请多写几句，说清楚是什么事（至少${FEEDBACK_MIN_TEXT}个字）` }] : []),
    ...[tooLongProblem('text', '想说的话', draft.text, FEEDBACK_LIMITS.text)].filter((problem) => problem !== null),
    ...(phone !== '' && !PHONE_PATTERN.test(phone) ? [{ field: 'phone', message: '电话号码好像不对，请再看一看' }] : []),
  ];
}

/** The server's names for the fields, as this form's draft calls them. */
const FEEDBACK_FIELDS: Record<string, string> = { contactPhone: 'phone' };

/** Her village, its township and its county: the bodies she can say something about. */
function bodiesAbove(home: FederationDetail): Array<readonly [string, string]> {
  const above = home.breadcrumb.filter((body) => body.level === RegionLevel.Township || body.level === RegionLevel.County).reverse();
  return [[home.id, home.name] as const, ...above.map((body) => [body.id, body.name] as const)];
}

function FeedbackForm({ home, onSent }: { home: FederationDetail; onSent: (item: FeedbackView) => void }) {
  const [draft, setDraft] = useState<Draft>({ kind: undefined, federationId: home.id, text: '', phone: '' });
  const { problems, attempt, refusedBy } = useFormCheck(draft, feedbackProblems);
  const [serverError, setServerError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (part: Partial<Draft>) => setDraft((current) => ({ ...current, ...part }));

  const send = async () => {
    if (busy) return;
    const found = attempt();
    setServerError(null);
    if (found.length > 0 || draft.kind === undefined) return;
    const input: FeedbackInput = {
      kind: draft.kind,
      federationId: draft.federationId,
      text: draft.text.trim(),
      contactPhone: draft.phone.trim() || null,
    };
    setBusy(true);
    try {
      onSent(await submitFeedback(input));
      setDraft({ kind: undefined, federationId: home.id, text: '', phone: '' });
      void Taro.showToast({ title: '已收到', icon: 'success', duration: 2000 });
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : ApiError.network();
      setServerError(error.message);
      refusedBy(error.fields.map((field) => ({ field: FEEDBACK_FIELDS[field.field] ?? field.field, message: field.message })));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card feedback-form">
      <Text className="sheet-title">我要投诉或建议</Text>
      <Text className="hint">县妇联会看到并答复您。这里说的是妇联的工作；要请妇联帮忙办事，请用“我要求助”。</Text>
      <View className="form-field">
        <FieldLabel text="是投诉还是建议" required />
        <ChoiceButtons name="feedback-kind" options={KINDS} value={draft.kind} onChange={(kind) => change({ kind })} />
      </View>
      <View className="form-field">
        <FieldLabel text="说的是哪个妇联" required />
        <ChoiceButtons name="feedback-body" options={bodiesAbove(home)} value={draft.federationId} onChange={(federationId) => change({ federationId })} />
      </View>
      <View className="form-field">
        <FieldLabel text="想说的话" required />
        <TextArea className="feedback-text" value={draft.text} onChange={(text) => change({ text })} limit={FEEDBACK_LIMITS.text} />
      </View>
      <View className="form-field">
        <FieldLabel text="联系电话（想要回电时填）" required={false} />
        <TextField className="feedback-phone" value={draft.phone} onChange={(phone) => change({ phone })} placeholder="手机或座机，例如：0410-1234567" />
      </View>
      <FormErrors problems={serverError === null ? problems : [...problems, { field: 'server', message: serverError }]} />
      <Button className="btn btn-primary send-feedback" hoverClass="btn-pressed" loading={onlyIf(busy)} disabled={onlyIf(busy)} onClick={() => void send()}>
        提交
      </Button>
    </View>
  );
}

function FeedbackEntry({ item }: { item: FeedbackView }) {
  return (
    <View className="request-item feedback-entry" data-feedback={item.id}>
      <View className="place-tags">
        <Text className="tag tag-sensitive">{KIND_LABELS[item.kind]}</Text>
        <Text className="inbox-state feedback-status">{item.status === 'answered' ? '已答复' : '等待答复'}</Text>
      </View>
      <Text className="place-address">
        {formatDate(item.createdAt)}，关于{item.federationName}
      </Text>
      <Text className="body-text feedback-own-text">{item.text}</Text>
      {item.reply !== null && (
        <View className="feedback-answer">
          <Text className="field-label">县妇联的答复{item.answeredAt ? `（${formatDate(item.answeredAt)}）` : ''}</Text>
          <Text className="body-text feedback-answer-text">{item.reply}</Text>
        </View>
      )}
    </View>
  );
}

function MyFeedback({ home }: { home: FederationDetail | null }) {
  const { state, reload, set } = useLoad<FeedbackView[]>('my-feedback', fetchMyFeedback);
  return (
    <View>
      {home === null ? (
        <View className="card">
          <Text className="body-text">请先选择您所在的村（社区），再来投诉或建议。</Text>
          <Button className="btn btn-primary" hoverClass="btn-pressed" onClick={() => void Taro.navigateTo({ url: Routes.chooseVillage() })}>
            选择我的村（社区）
          </Button>
        </View>
      ) : (
        <FeedbackForm home={home} onSent={(item) => set([item, ...(state.status === 'ready' ? state.data : [])])} />
      )}
      <View className="card my-feedback">
        <Text className="card-title">我提过的</Text>
        {state.status === 'loading' && <Loading />}
        {state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
        {state.status === 'ready' && state.data.length === 0 && <Text className="body-text feedback-none">还没有提过投诉或建议。</Text>}
        {state.status === 'ready' && state.data.map((item) => <FeedbackEntry key={item.id} item={item} />)}
      </View>
    </View>
  );
}

/** 投诉建议: about the federation's own work, answered by the county. */
export default function FeedbackPage() {
  return (
    <CarePage title="投诉建议">
      <SignedIn>{(me) => <MyFeedback home={me.home} />}</SignedIn>
    </CarePage>
  );
}
