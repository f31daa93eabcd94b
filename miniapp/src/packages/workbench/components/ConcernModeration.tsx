import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import {
  CONCERN_LIMITS,
  CONCERN_STATUS_LABELS,
  type ActivitySummary,
  type ConcernOutcome,
  type ConcernSummary,
  type ConcernUpdateInput,
} from '@wfh/shared';
import { answerConcern, declineConcern, mergeConcern, publishConcern } from '../../../api';
import { tooLongProblems, useFormCheck } from '../../../hooks/useFormCheck';
import type { FormProblem } from '../../../utils/requests';
import { formatActivityTime } from '../../../utils/time';
import { ChoiceButtons, FieldError, FieldLabel, TextArea } from '../../requests/components/FormParts';
import { ConcernCard } from '../../voices/components/ConcernCard';
import { Loaded } from '../../voices/components/Loaded';
import { useConcern } from '../../voices/hooks';
import { StepForm, useStep } from './StepForm';

/** What she wrote: the list carries only the title, and the chair reads it all before deciding. */
function PendingDescription({ id }: { id: string }) {
  return <Loaded loaded={useConcern(id)}>{(concern) => <Text className="body-text pending-description">{concern.description}</Text>}</Loaded>;
}

type PendingStep = 'decline' | 'merge' | null;

function declineProblems({ reason }: { reason: string }): FormProblem[] {
  if (reason.trim() === '') return [{ field: 'reason', message: '请填写不发布的原因，提议人会看到' }];
  return tooLongProblems([['reason', '不发布的原因', reason, CONCERN_LIMITS.reason]]);
}

/**
 * 不发布, drawn only while open: what it says is wrong starts afresh each time she opens it, while
 * the reason she wrote (held by the card) is still there.
 */
function DeclineStep({
  reason,
  onReason,
  busy,
  onConfirm,
  onCancel,
}: {
  reason: string;
  onReason: (reason: string) => void;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { problemOf, attempt } = useFormCheck({ reason }, declineProblems);
  return (
    <StepForm title="不发布" className="decline-form" busy={busy} confirmLabel="确定不发布" onConfirm={() => {
        if (attempt().length === 0) onConfirm();
      }} onCancel={onCancel}>
      <FieldLabel text="不发布的原因（提议人会看到）" required />
      <TextArea className="decline-reason-input" value={reason} onChange={onReason} limit={CONCERN_LIMITS.reason} placeholder="例如：这是个人的事，已请她到“我要求助”提出" />
      <FieldError message={problemOf('reason')} />
    </StepForm>
  );
}

function mergeProblems({ target }: { target: string | undefined }): FormProblem[] {
  return target === undefined ? [{ field: 'target', message: '请选择合并到哪一件事' }] : [];
}

/** 合并到…, drawn only while open, as DeclineStep. */
function MergeStep({
  targets,
  target,
  onTarget,
  busy,
  onConfirm,
  onCancel,
}: {
  targets: readonly ConcernSummary[];
  target: string | undefined;
  onTarget: (target: string) => void;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { problemOf, attempt } = useFormCheck({ target }, mergeProblems);
  return (
    <StepForm title="合并到…" className="merge-form" busy={busy} confirmLabel="确定合并" onConfirm={() => {
        if (attempt().length === 0) onConfirm();
      }} onCancel={onCancel}>
      <Text className="hint">和已经公开的一件事是同一件事时合并：提议人算作那件事的联名人。</Text>
      {targets.length === 0 ? (
        <Text className="body-text merge-none">现在没有可以合并到的已公开的事。</Text>
      ) : (
        <ChoiceButtons name="merge-target" options={targets.map((other) => [other.id, other.title] as const)} value={target} onChange={onTarget} />
      )}
      <FieldError message={problemOf('target')} />
    </StepForm>
  );
}

/** A concern waiting for the chair: 发布, 不发布 with the reason its author will read, or 合并到 another. */
export function PendingConcern({
  concern,
  mergeTargets,
  onDone,
}: {
  concern: ConcernSummary;
  /** The body's open concerns it may repeat. */
  mergeTargets: readonly ConcernSummary[];
  onDone: () => void;
}) {
  const [open, setOpen] = useState<PendingStep>(null);
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState<string | undefined>(undefined);
  const step = useStep(onDone);

  const publish = async () => {
    const { confirm } = await Taro.showModal({
      title: '公开这件事？',
      content: '公开后，本村（社区）的妇女都能看到，并可以联名支持。',
      confirmText: '公开',
      cancelText: '再想想',
    });
    if (confirm) await step.run(() => publishConcern(concern.id), '已发布');
  };

  const close = () => setOpen(null);

  return (
    <ConcernCard concern={concern}>
      <PendingDescription id={concern.id} />
      {open === null && (
        <View className="moderation-buttons">
          <Button className="btn btn-primary publish-concern" hoverClass="btn-pressed" onClick={() => void publish().catch(() => undefined)}>
            发布
          </Button>
          <Button className="btn btn-secondary decline-concern" hoverClass="btn-pressed" onClick={() => setOpen('decline')}>
            不发布（填写原因）
          </Button>
          <Button className="btn btn-secondary merge-concern" hoverClass="btn-pressed" onClick={() => setOpen('merge')}>
            合并到…
          </Button>
        </View>
      )}
      {open === 'decline' && (
        <DeclineStep
          reason={reason}
          onReason={setReason}
          busy={step.busy}
          onConfirm={() => void step.run(() => declineConcern(concern.id, reason.trim()), '已处理')}
          onCancel={close}
        />
      )}
      {open === 'merge' && (
        <MergeStep
          targets={mergeTargets}
          target={target}
          onTarget={setTarget}
          busy={step.busy}
          onConfirm={() => void step.run(() => mergeConcern(concern.id, target!), '已合并')}
          onCancel={close}
        />
      )}
    </ConcernCard>
  );
}

const OUTCOMES: readonly ConcernOutcome[] = ['accepted', 'in_progress', 'done', 'not_adopted'];
const OUTCOME_OPTIONS = OUTCOMES.map((outcome) => [outcome, CONCERN_STATUS_LABELS[outcome]] as const);

/** '' stands for 不关联议事会. */
const NO_MEETING = '';

interface AnswerDraft {
  status: ConcernOutcome | undefined;
  text: string;
  meetingId: string;
}

function answerProblems({ status, text }: AnswerDraft): FormProblem[] {
  const found: FormProblem[] = [];
  if (status === undefined) found.push({ field: 'status', message: '请选择办理的结果' });
  if (text.trim() === '') found.push({ field: 'text', message: '请填写答复的内容，提议人和联名的人都会看到' });
  else found.push(...tooLongProblems([['text', status === 'not_adopted' ? '暂不采纳的原因' : '答复的内容', text, CONCERN_LIMITS.answer]]));
  return found;
}

/** 记录答复, drawn only while open, as DeclineStep. */
function AnswerStep({
  draft,
  onChange,
  meetings,
  busy,
  onConfirm,
  onCancel,
}: {
  draft: AnswerDraft;
  onChange: (part: Partial<AnswerDraft>) => void;
  meetings: readonly ActivitySummary[];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { problemOf, attempt } = useFormCheck(draft, answerProblems);
  const meetingOptions = [
    [NO_MEETING, '不关联议事会'] as const,
    ...meetings.map((meeting) => [meeting.id, `${meeting.title}（${formatActivityTime(meeting.startsAt)}）`] as const),
  ];
  return (
    <StepForm title="记录答复" className="answer-form" busy={busy} confirmLabel="保存答复" onConfirm={() => {
        if (attempt().length === 0) onConfirm();
      }} onCancel={onCancel}>
      <FieldLabel text="办理的结果" required />
      <ChoiceButtons name="outcome" options={OUTCOME_OPTIONS} value={draft.status} onChange={(status) => onChange({ status })} />
      <FieldError message={problemOf('status')} />
      <FieldLabel text={draft.status === 'not_adopted' ? '为什么暂不采纳' : '答复的内容'} required />
      <TextArea className="answer-text" value={draft.text} onChange={(text) => onChange({ text })} limit={CONCERN_LIMITS.answer} />
      <FieldError message={problemOf('text')} />
      <FieldLabel text="在哪次妇女议事会上商定" required={false} />
      <ChoiceButtons name="meeting" options={meetingOptions} value={draft.meetingId} onChange={(meetingId) => onChange({ meetingId })} />
    </StepForm>
  );
}

/** A published concern: 记录答复 with its status, the words, and the council meeting that decided it. */
export function OpenConcern({ concern, meetings, onDone }: { concern: ConcernSummary; meetings: readonly ActivitySummary[]; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<AnswerDraft>({ status: undefined, text: '', meetingId: NO_MEETING });
  const step = useStep(onDone);

  const answer = () => {
    if (draft.status === undefined) return;
    const input: ConcernUpdateInput = {
      status: draft.status,
      text: draft.text.trim(),
      ...(draft.meetingId !== NO_MEETING ? { meetingId: draft.meetingId } : {}),
    };
    void step.run(() => answerConcern(concern.id, input), '已记录');
  };

  return (
    <ConcernCard concern={concern}>
      {open ? (
        <AnswerStep
          draft={draft}
          onChange={(part) => setDraft((current) => ({ ...current, ...part }))}
          meetings={meetings}
          busy={step.busy}
          onConfirm={answer}
          onCancel={() => setOpen(false)}
        />
      ) : (
        <Button className="btn btn-secondary answer-concern" hoverClass="btn-pressed" onClick={() => setOpen(true)}>
          记录答复
        </Button>
      )}
    </ConcernCard>
  );
}
