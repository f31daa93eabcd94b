import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import {
  CONCERN_LIMITS,
  PUBLIC_CONCERN_STATUSES,
  type ActivitySummary,
  type ConcernSummary,
  type CouncilMeetingView,
} from '@wfh/shared';
import { setCouncilAgenda, setCouncilMinutes } from '../../../api';
import { tooLongProblems, useFormCheck } from '../../../hooks/useFormCheck';
import type { FormProblem } from '../../../utils/requests';
import { formatActivityTime } from '../../../utils/time';
import { FieldError, FieldLabel, TextArea } from '../../requests/components/FormParts';
import { StepForm, useStep } from './StepForm';
import { ToggleChips } from './ToggleChips';

type Open = 'agenda' | 'minutes' | null;

function agendaProblems({ agenda }: { agenda: readonly string[] }): FormProblem[] {
  return agenda.length > CONCERN_LIMITS.agendaItems
    ? [{ field: 'agenda', message: `一次会议最多安排${CONCERN_LIMITS.agendaItems}件事，现在选了${agenda.length}件，请去掉一些` }]
    : [];
}

/**
 * 安排议题, drawn only while open: what it says is wrong starts afresh each time she opens it, while
 * what she chose (held by the meeting) is still there.
 */
function AgendaStep({
  concerns,
  agenda,
  onAgenda,
  busy,
  onConfirm,
  onCancel,
}: {
  concerns: readonly ConcernSummary[];
  agenda: string[];
  onAgenda: (agenda: string[]) => void;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { problemOf, attempt } = useFormCheck({ agenda }, agendaProblems);
  return (
    <StepForm
      title="安排议题"
      className="agenda-form"
      busy={busy}
      confirmLabel="保存议题"
      onConfirm={() => {
        if (attempt().length === 0) onConfirm();
      }}
      onCancel={onCancel}
    >
      {concerns.length === 0 ? (
        <Text className="body-text agenda-none">还没有公开的事可以安排。</Text>
      ) : (
        <ToggleChips name="agenda" options={concerns.map((concern) => [concern.id, concern.title] as const)} value={agenda} onChange={onAgenda} />
      )}
      <FieldError message={problemOf('agenda')} />
    </StepForm>
  );
}

function minutesProblems({ minutes }: { minutes: string }): FormProblem[] {
  if (minutes.trim() === '') return [{ field: 'minutes', message: '请写下会议商量的结果' }];
  return tooLongProblems([['minutes', '会议纪要', minutes, CONCERN_LIMITS.minutes]]);
}

/** 记录纪要, drawn only while open, as AgendaStep. */
function MinutesStep({
  minutes,
  onMinutes,
  busy,
  onConfirm,
  onCancel,
}: {
  minutes: string;
  onMinutes: (minutes: string) => void;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { problemOf, attempt } = useFormCheck({ minutes }, minutesProblems);
  return (
    <StepForm
      title="记录纪要"
      className="minutes-form"
      busy={busy}
      confirmLabel="保存纪要"
      onConfirm={() => {
        if (attempt().length === 0) onConfirm();
      }}
      onCancel={onCancel}
    >
      <FieldLabel text="会上商量了什么，定了什么（会公开）" required />
      <TextArea className="minutes-input" value={minutes} onChange={onMinutes} limit={CONCERN_LIMITS.minutes} />
      <FieldError message={problemOf('minutes')} />
    </StepForm>
  );
}

/** One meeting: which concerns it takes up, and its minutes once it has begun. */
function MeetingTools({
  meeting,
  view,
  concerns,
  onSaved,
}: {
  meeting: ActivitySummary;
  /** Its agenda and minutes so far, when the board has them. */
  view: CouncilMeetingView | undefined;
  concerns: readonly ConcernSummary[];
  onSaved: (view: CouncilMeetingView) => void;
}) {
  const [open, setOpen] = useState<Open>(null);
  const [agenda, setAgenda] = useState<string[]>(view?.agenda.map((item) => item.concernId) ?? []);
  const [minutes, setMinutes] = useState(view?.minutes ?? '');
  const step = useStep(() => setOpen(null));
  const begun = Date.now() >= Date.parse(meeting.startsAt);
  const close = () => setOpen(null);

  return (
    <View className="place-item meeting-item" data-meeting={meeting.id}>
      <Text className="place-name meeting-title">{meeting.title}</Text>
      <Text className="hint meeting-when">{formatActivityTime(meeting.startsAt)}</Text>
      <Text className="body-text meeting-summary">
        安排了{view?.agenda.length ?? 0}件事；{view?.minutes ? '纪要已记录' : '还没有纪要'}
      </Text>
      {open === null && (
        <View className="moderation-buttons">
          <Button className="btn btn-secondary open-agenda" hoverClass="btn-pressed" onClick={() => setOpen('agenda')}>
            安排议题
          </Button>
          {begun && (
            <Button className="btn btn-secondary open-minutes" hoverClass="btn-pressed" onClick={() => setOpen('minutes')}>
              记录纪要
            </Button>
          )}
        </View>
      )}
      {open === 'agenda' && (
        <AgendaStep
          concerns={concerns}
          agenda={agenda}
          onAgenda={setAgenda}
          busy={step.busy}
          onConfirm={() => void step.run(async () => onSaved(await setCouncilAgenda(meeting.id, agenda)), '已保存')}
          onCancel={close}
        />
      )}
      {open === 'minutes' && (
        <MinutesStep
          minutes={minutes}
          onMinutes={setMinutes}
          busy={step.busy}
          onConfirm={() => void step.run(async () => onSaved(await setCouncilMinutes(meeting.id, minutes.trim())), '已保存')}
          onCancel={close}
        />
      )}
    </View>
  );
}

/** 妇女议事会: the body's council meetings, each with its agenda drawn from the public concerns. */
export function CouncilTools({
  meetings,
  views,
  concerns,
  onSaved,
}: {
  meetings: readonly ActivitySummary[];
  views: readonly CouncilMeetingView[];
  concerns: readonly ConcernSummary[];
  onSaved: (view: CouncilMeetingView) => void;
}) {
  const schedulable = concerns.filter((concern) => PUBLIC_CONCERN_STATUSES.includes(concern.status) && concern.status !== 'merged');
  return (
    <View className="card council-tools">
      <Text className="card-title">妇女议事会</Text>
      {meetings.length === 0 && (
        <Text className="body-text council-none">还没有妇女议事会。在“活动管理”里新建一个“妇女议事会”类的活动并发布，就可以在这里安排议题。</Text>
      )}
      {meetings.map((meeting) => (
        <MeetingTools
          key={meeting.id}
          meeting={meeting}
          view={views.find((view) => view.activityId === meeting.id)}
          concerns={schedulable}
          onSaved={onSaved}
        />
      ))}
    </View>
  );
}
