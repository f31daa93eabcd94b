import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { PUBLIC_CONCERN_STATUSES, type ConcernDetail } from '@wfh/shared';
import { CarePage } from '../../components/CarePage';
import { ShareButton } from '../../components/ShareButton';
import { SignedIn } from '../../components/SignedIn';
import { useShareCard, type ShareCard } from '../../hooks/useShareCard';
import { formatDate } from '../../utils/time';
import { VoicesRoutes } from '../../utils/voices-routes';
import { ConcernStanding } from './components/ConcernCard';
import { ConcernUpdates } from './components/ConcernUpdates';
import { CosignButton } from './components/CosignButton';
import { Loaded } from './components/Loaded';
import { useConcern, useQueryParam } from './hooks';
import '../../styles/requests.css';
import '../../styles/voices.css';

/** What only the author is told: it waits for the chair, or why it was not published. */
function AuthorNotice({ concern }: { concern: ConcernDetail }) {
  if (concern.status === 'pending') {
    return (
      <Text className="form-notice pending-notice">
        {concern.isMine ? '您提的事正在等村（社区）妇联审核，审核后大家就能看到并联名。' : '这件事正在等待审核，还没有公开。'}
      </Text>
    );
  }
  if (concern.declineReason === null) return null;
  return (
    <View className="form-notice decline-notice">
      <Text className="field-label">没有公开的原因</Text>
      <Text className="body-text decline-reason">{concern.declineReason}</Text>
    </View>
  );
}

/** One still waiting for review, or declined, stays between her and the chair: never passed on. */
function shareCardOf(concern: ConcernDetail): ShareCard | null {
  if (!PUBLIC_CONCERN_STATUSES.includes(concern.status)) return null;
  return { title: `议事：${concern.title}`, path: VoicesRoutes.concern(concern.id) };
}

function ConcernView({ concern, onChange }: { concern: ConcernDetail; onChange: (next: ConcernDetail) => void }) {
  return (
    <View>
      <View className="card">
        <Text className="site-name concern-detail-title">{concern.title}</Text>
        <ConcernStanding concern={concern} />
        <Text className="hint concern-author">
          {concern.isMine ? '您' : concern.authorLabel}于{formatDate(concern.createdAt)}提出
        </Text>
        <AuthorNotice concern={concern} />
        {concern.mergedInto && (
          <Text
            className="link-text merged-into"
            onClick={() => void Taro.navigateTo({ url: VoicesRoutes.concern(concern.mergedInto!.id) })}
          >
            这件事和“{concern.mergedInto.title}”是同一件事，已经合在一起办，点这里查看
          </Text>
        )}
        <CosignButton concern={concern} onChange={onChange} />
      </View>

      <View className="card">
        <Text className="card-title">具体情况</Text>
        <Text className="body-text concern-description-text">{concern.description}</Text>
        {concern.photoUrl && <Image className="concern-photo" src={concern.photoUrl} mode="widthFix" />}
      </View>

      <View className="card">
        <Text className="card-title">答复和进展</Text>
        <ConcernUpdates updates={concern.updates} />
      </View>

      {shareCardOf(concern) !== null && <ShareButton className="share-concern" />}
    </View>
  );
}

function ConcernLoader({ id }: { id: string }) {
  const loaded = useConcern(id);
  useShareCard(loaded.state.status === 'ready' ? shareCardOf(loaded.state.data) : null);
  return <Loaded loaded={loaded}>{(concern) => <ConcernView concern={concern} onChange={loaded.set} />}</Loaded>;
}

/** One concern: what it is, who backs it, and every answer and step of the council, oldest first. */
export default function ConcernPage() {
  const id = useQueryParam('id');
  return (
    <CarePage title="议题详情">
      {id === null ? <Text className="body-text">没有找到这件事。</Text> : <SignedIn>{() => <ConcernLoader id={id} />}</SignedIn>}
    </CarePage>
  );
}
