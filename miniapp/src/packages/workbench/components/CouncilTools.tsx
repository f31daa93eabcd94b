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
import { formatActivityTime } from '../../../utils/time';
import { FieldLabel, TextArea } from '../../requests/components/FormParts';
import { StepForm, useStep } from './StepForm';
import { ToggleChips } from './ToggleChips';

type Open = 'agenda' | 'minutes' | null;

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

  const saveAgenda = () => {
    if (agenda.length > CONCERN_LIMITS.agendaItems) {
      step.setProblem(`一次会议最多安排${CONCERN_LIMITS.agendaItems}件事`);
      return;
    }
    void step.run(async () => onSaved(await setCouncilAgenda(meeting.id, agenda)), '已保存');
  };
  const saveMinutes = () => {
    if (minutes.trim() === '') {
      step.setProblem('请写下会议商量的结果');
      return;
    }
    void step.run(async () => onSaved(await setCouncilMinutes(meeting.id, minutes.trim())), '已保存');
  };
  const close = () => {
    setOpen(null);
    step.setProblem(null);
  };

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
        <StepForm title="安排议题" className="agenda-form" problem={step.problem} busy={step.busy} confirmLabel="保存议题" onConfirm={saveAgenda} onCancel={close}>
          {concerns.length === 0 ? (
            <Text className="body-text agenda-none">还没有公开的事可以安排。</Text>
          ) : (
            <ToggleChips
              name="agenda"
              options={concerns.map((concern) => [concern.id, concern.title] as const)}
              value={agenda}
              onChange={setAgenda}
            />
          )}
        </StepForm>
      )}
      {open === 'minutes' && (
        <StepForm title="记录纪要" className="minutes-form" problem={step.problem} busy={step.busy} confirmLabel="保存纪要" onConfirm={saveMinutes} onCancel={close}>
          <FieldLabel text="会上商量了什么，定了什么（会公开）" required />
          <TextArea className="minutes-input" value={minutes} onChange={setMinutes} limit={CONCERN_LIMITS.minutes} />
        </StepForm>
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
