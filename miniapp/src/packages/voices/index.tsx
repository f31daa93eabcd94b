import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { ConcernDetail, ConcernSummary, FederationDetail, VoicesBoard } from '@wfh/shared';
import { CarePage } from '../../components/CarePage';
import { SignedIn } from '../../components/SignedIn';
import { isOpenConcern } from '../../utils/voices';
import { VoicesRoutes } from '../../utils/voices-routes';
import { ChooseVillageFirst } from './components/ChooseVillageFirst';
import { ConcernCard } from './components/ConcernCard';
import { CosignButton } from './components/CosignButton';
import { Loaded } from './components/Loaded';
import { MeetingList } from './components/MeetingList';
import { useMyConcerns, useOpenConcernDetails, useVoicesBoard } from './hooks';
import '../../styles/requests.css';
import '../../styles/voices.css';

/** Her own concerns, the pending and declined ones too: only she (and the chair) sees those. */
function MyConcerns() {
  const { state } = useMyConcerns();
  if (state.status !== 'ready' || state.data.length === 0) return null;
  return (
    <View className="card my-concerns">
      <Text className="card-title">我提的事</Text>
      {state.data.map((concern) => (
        <ConcernCard key={concern.id} concern={concern} />
      ))}
    </View>
  );
}

function ConcernList({ concerns, details, onChange }: { concerns: ConcernSummary[]; details: Record<string, ConcernDetail>; onChange: (next: ConcernDetail) => void }) {
  return (
    <View>
      {concerns.map((concern) => {
        const detail = details[concern.id];
        return (
          <ConcernCard key={concern.id} concern={detail ?? concern}>
            {detail && <CosignButton concern={detail} onChange={onChange} />}
          </ConcernCard>
        );
      })}
    </View>
  );
}

function Board({ board }: { board: VoicesBoard }) {
  const details = useOpenConcernDetails(board.concerns);
  const known = details.state.status === 'ready' ? details.state.data : {};
  const changed = (next: ConcernDetail) => details.set({ ...known, [next.id]: next });
  const open = board.concerns.filter((concern) => isOpenConcern(concern.status));
  const settled = board.concerns.filter((concern) => !isOpenConcern(concern.status));
  const { raised, answered, done } = board.counts;

  return (
    <View>
      <View className="card">
        <Text className="home-body-name voices-body">{board.federationName}</Text>
        <Text className="body-text voices-counts">
          大家提了{raised}件事，已答复{answered}件，已办成{done}件
        </Text>
        <Text className="hint voices-privacy">这里不显示提议人和联名人的名字，除非她自己选择公开。</Text>
        <Button
          className="btn btn-primary raise-concern"
          hoverClass="btn-pressed"
          onClick={() => void Taro.navigateTo({ url: VoicesRoutes.raise })}
        >
          提议题
        </Button>
        <Text className="hint">村里大家共同关心的事，比如路灯、垃圾、托管孩子，都可以提。</Text>
      </View>

      <View className="card open-concerns">
        <Text className="card-title">大家提的事</Text>
        {open.length === 0 && <Text className="body-text concerns-none">现在还没有正在联名的事。</Text>}
        <ConcernList concerns={open} details={known} onChange={changed} />
      </View>

      {settled.length > 0 && (
        <View className="card settled-concerns">
          <Text className="card-title">已有结果的事</Text>
          <ConcernList concerns={settled} details={known} onChange={changed} />
        </View>
      )}

      <View className="card council">
        <Text className="card-title">妇女议事会</Text>
        <MeetingList meetings={board.meetings} />
      </View>
    </View>
  );
}

function HomeBoard({ home }: { home: FederationDetail }) {
  return (
    <View>
      <Loaded loaded={useVoicesBoard(home.id)}>{(board) => <Board board={board} />}</Loaded>
      <MyConcerns />
      <Text
        className="link-text join-roster"
        onClick={() => void Taro.navigateTo({ url: VoicesRoutes.joinRoster() })}
      >
        执委给了您邀请码？点这里加入她的联系名单
      </Text>
    </View>
  );
}

/** 议事: what the women of her village raised, backed and heard back, and the council's meetings. */
export default function VoicesPage() {
  return (
    <CarePage title="村（社区）议事">
      <SignedIn>{(me) => (me.home === null ? <ChooseVillageFirst /> : <HomeBoard home={me.home} />)}</SignedIn>
    </CarePage>
  );
}
