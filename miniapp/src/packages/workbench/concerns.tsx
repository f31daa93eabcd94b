import { Text, View } from '@tarojs/components';
import { Permission, type ConcernSummary, type CouncilMeetingView } from '@wfh/shared';
import { bodyNameOf, isOpenConcern } from '../../utils/voices';
import { ConcernCard } from '../voices/components/ConcernCard';
import { Loaded } from '../voices/components/Loaded';
import { useVoicesBoard } from '../voices/hooks';
import { BodyPage } from './components/BodyPage';
import { OpenConcern, PendingConcern } from './components/ConcernModeration';
import { CouncilTools } from './components/CouncilTools';
import { useBodyConcerns, useCouncilMeetings } from './voices-hooks';
import '../../styles/requests.css';
import '../../styles/voices.css';

function Moderation({
  federationId,
  federationName,
  concerns,
  onChange,
}: {
  federationId: string;
  federationName: string;
  concerns: readonly ConcernSummary[];
  /** Asks for the list again after a step, so each concern shows where it now stands. */
  onChange: () => void;
}) {
  const meetings = useCouncilMeetings(federationId);
  const pending = concerns.filter((concern) => concern.status === 'pending');
  const open = concerns.filter((concern) => isOpenConcern(concern.status));
  const settled = concerns.filter((concern) => concern.status !== 'pending' && !isOpenConcern(concern.status));
  const councilMeetings = meetings.state.status === 'ready' ? meetings.state.data : [];
  // The board carries each meeting's agenda and minutes so far.
  const board = useVoicesBoard(federationId);
  const saved = (view: CouncilMeetingView) => {
    if (board.state.status !== 'ready') return;
    const others = board.state.data.meetings.filter((meeting) => meeting.activityId !== view.activityId);
    board.set({ ...board.state.data, meetings: [...others, view] });
  };

  return (
    <View>
      <View className="card pending-concerns">
        <Text className="card-title">{federationName ? `${federationName}：等待审核` : '等待审核'}</Text>
        <Text className="hint">公开前请看一看：个人或家里的事，请她到“我要求助”提出；同一件事可以合并。</Text>
        {pending.length === 0 && <Text className="body-text pending-none">现在没有等待审核的事。</Text>}
        {pending.map((concern) => (
          <PendingConcern key={concern.id} concern={concern} mergeTargets={open} onDone={onChange} />
        ))}
      </View>

      <View className="card published-concerns">
        <Text className="card-title">已公开、正在办理</Text>
        {open.length === 0 && <Text className="body-text published-none">现在没有正在办理的事。</Text>}
        {open.map((concern) => (
          <OpenConcern key={concern.id} concern={concern} meetings={councilMeetings} onDone={onChange} />
        ))}
      </View>

      {settled.length > 0 && (
        <View className="card settled-concerns">
          <Text className="card-title">已有结果</Text>
          {settled.map((concern) => (
            <ConcernCard key={concern.id} concern={concern} />
          ))}
        </View>
      )}

      {board.state.status === 'ready' && meetings.state.status === 'ready' && (
        <CouncilTools meetings={meetings.state.data} views={board.state.data.meetings} concerns={concerns} onSaved={saved} />
      )}
    </View>
  );
}

function ModerationLoader({ federationId, federationName }: { federationId: string; federationName: string }) {
  const loaded = useBodyConcerns(federationId);
  return (
    <Loaded loaded={loaded}>
      {(concerns) => <Moderation federationId={federationId} federationName={federationName} concerns={concerns} onChange={loaded.reload} />}
    </Loaded>
  );
}

/** 议题审核: the chair (or a deputy) publishes what women raised, and records the council's answers. */
export default function ModerateConcernsPage() {
  return (
    <BodyPage title="议题审核" permissions={[Permission.ModerateConcerns]} refusal="您在这里没有审核议题的职务。">
      {(me, federationId) => <ModerationLoader federationId={federationId} federationName={bodyNameOf(me, federationId)} />}
    </BodyPage>
  );
}
