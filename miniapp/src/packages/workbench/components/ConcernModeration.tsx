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
import { formatActivityTime } from '../../../utils/time';
import { ChoiceButtons, FieldLabel, TextArea } from '../../requests/components/FormParts';
import { ConcernCard } from '../../voices/components/ConcernCard';
import { Loaded } from '../../voices/components/Loaded';
import { useConcern } from '../../voices/hooks';
import { StepForm, useStep } from './StepForm';

/** What she wrote: the list carries only the title, and the chair reads it all before deciding. */
function PendingDescription({ id }: { id: string }) {
  return <Loaded loaded={useConcern(id)}>{(concern) => <Text className="body-text pending-description">{concern.description}</Text>}</Loaded>;
}

type PendingStep = 'decline' | 'merge' | null;

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

  const decline = () => {
    if (reason.trim() === '') {
      step.setProblem('请填写不发布的原因，提议人会看到');
      return;
    }
    void step.run(() => declineConcern(concern.id, reason.trim()), '已处理');
  };

  const merge = () => {
    if (target === undefined) {
      step.setProblem('请选择合并到哪一件事');
      return;
    }
    void step.run(() => mergeConcern(concern.id, target), '已合并');
  };

  const close = () => {
    setOpen(null);
    step.setProblem(null);
  };

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
        <StepForm title="不发布" className="decline-form" problem={step.problem} busy={step.busy} confirmLabel="确定不发布" onConfirm={decline} onCancel={close}>
          <FieldLabel text="不发布的原因（提议人会看到）" required />
          <TextArea className="decline-reason-input" value={reason} onChange={setReason} limit={CONCERN_LIMITS.reason} placeholder="例如：这是个人的事，已请她到“我要求助”提出" />
        </StepForm>
      )}
      {open === 'merge' && (
        <StepForm title="合并到…" className="merge-form" problem={step.problem} busy={step.busy} confirmLabel="确定合并" onConfirm={merge} onCancel={close}>
          <Text className="hint">和已经公开的一件事是同一件事时合并：提议人算作那件事的联名人。</Text>
          {mergeTargets.length === 0 ? (
            <Text className="body-text merge-none">现在没有可以合并到的已公开的事。</Text>
          ) : (
            <ChoiceButtons name="merge-target" options={mergeTargets.map((other) => [other.id, other.title] as const)} value={target} onChange={setTarget} />
          )}
        </StepForm>
      )}
    </ConcernCard>
  );
}

const OUTCOMES: readonly ConcernOutcome[] = ['accepted', 'in_progress', 'done', 'not_adopted'];
const OUTCOME_OPTIONS = OUTCOMES.map((outcome) => [outcome, CONCERN_STATUS_LABELS[outcome]] as const);

/** '' stands for 不关联议事会. */
const NO_MEETING = '';

/** A published concern: 记录答复 with its status, the words, and the council meeting that decided it. */
export function OpenConcern({ concern, meetings, onDone }: { concern: ConcernSummary; meetings: readonly ActivitySummary[]; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<ConcernOutcome | undefined>(undefined);
  const [text, setText] = useState('');
  const [meetingId, setMeetingId] = useState<string>(NO_MEETING);
  const step = useStep(onDone);

  const answer = () => {
    if (status === undefined) {
      step.setProblem('请选择办理的结果');
      return;
    }
    if (text.trim() === '') {
      step.setProblem('请填写答复的内容，提议人和联名的人都会看到');
      return;
    }
    const input: ConcernUpdateInput = { status, text: text.trim(), ...(meetingId !== NO_MEETING ? { meetingId } : {}) };
    void step.run(() => answerConcern(concern.id, input), '已记录');
  };

  const meetingOptions = [
    [NO_MEETING, '不关联议事会'] as const,
    ...meetings.map((meeting) => [meeting.id, `${meeting.title}（${formatActivityTime(meeting.startsAt)}）`] as const),
  ];

  return (
    <ConcernCard concern={concern}>
      {open ? (
        <StepForm
          title="记录答复"
          className="answer-form"
          problem={step.problem}
          busy={step.busy}
          confirmLabel="保存答复"
          onConfirm={answer}
          onCancel={() => {
            setOpen(false);
            step.setProblem(null);
          }}
        >
          <FieldLabel text="办理的结果" required />
          <ChoiceButtons name="outcome" options={OUTCOME_OPTIONS} value={status} onChange={setStatus} />
          <FieldLabel text={status === 'not_adopted' ? '为什么暂不采纳' : '答复的内容'} required />
          <TextArea className="answer-text" value={text} onChange={setText} limit={CONCERN_LIMITS.answer} />
          <FieldLabel text="在哪次妇女议事会上商定" required={false} />
          <ChoiceButtons name="meeting" options={meetingOptions} value={meetingId} onChange={setMeetingId} />
        </StepForm>
      ) : (
        <Button className="btn btn-secondary answer-concern" hoverClass="btn-pressed" onClick={() => setOpen(true)}>
          记录答复
        </Button>
      )}
    </ConcernCard>
  );
}
