import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { ACTIVITY_CATEGORY_LABELS, ActivityCategory, type ActivitiesQuery, type MeResponse } from '@wfh/shared';
import { ActivityCard } from '../../components/ActivityCard';
import { CarePage } from '../../components/CarePage';
import { PrivacyDialog } from '../../components/PrivacyDialog';
import { SignInPanel } from '../../components/SignInPanel';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useActivityList } from '../../hooks/useActivities';
import { useLocation } from '../../hooks/useLocation';
import { useMe, type MeState } from '../../hooks/useMe';
import { Routes } from '../../utils/routes';

const CATEGORIES = Object.values(ActivityCategory);

/** 全部 first, then one chip per category; tapping the chosen one again shows all. */
function CategoryChips({ value, onChange }: { value: ActivityCategory | null; onChange: (next: ActivityCategory | null) => void }) {
  const chip = (category: ActivityCategory | null, label: string) => (
    <Text
      key={category ?? 'all'}
      className={category === value ? 'chip chip-selected' : 'chip'}
      onClick={() => onChange(category === value ? null : category)}
    >
      {label}
    </Text>
  );
  return (
    <View className="chip-row">
      {chip(null, '全部')}
      {CATEGORIES.map((category) => chip(category, ACTIVITY_CATEGORY_LABELS[category]))}
    </View>
  );
}

function ActivityList({ query, heading }: { query: ActivitiesQuery; heading: string }) {
  const { state, reload } = useActivityList(query);
  return (
    <View className="card activity-list">
      <Text className="card-title">{heading}</Text>
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && state.data.length === 0 && (
        <Text className="body-text activities-none">最近没有可以报名的活动，过几天再来看看。</Text>
      )}
      {state.status === 'ready' && state.data.map((activity) => <ActivityCard key={activity.id} activity={activity} />)}
    </View>
  );
}

/** Where to look: near her if she let us use her location before, else her village and township. */
function Activities({ me, reloadMe, category }: { me: MeState; reloadMe: () => void; category: ActivityCategory | null }) {
  const { state: location } = useLocation();
  const withCategory = category === null ? {} : { category };
  if (location.status === 'located') {
    return <ActivityList query={{ ...location.point, ...withCategory }} heading="离您最近的活动" />;
  }
  if (location.status === 'locating' || me.status === 'loading') return <Loading />;
  if (me.status === 'signed-out') return <SignInPanel />;
  if (me.status === 'failed') return <LoadFailed message={me.error.message} onRetry={reloadMe} />;
  return <HomeActivities me={me.me} category={withCategory} />;
}

function HomeActivities({ me, category }: { me: MeResponse; category: { category?: ActivityCategory } }) {
  if (me.home === null) {
    return (
      <View className="card">
        <Text className="body-text">选好您所在的村（社区），就能看到村里和镇上的活动。</Text>
        <Button
          className="btn btn-primary choose-village"
          hoverClass="btn-pressed"
          onClick={() => void Taro.navigateTo({ url: Routes.chooseVillage() })}
        >
          选择我的村（社区）
        </Button>
      </View>
    );
  }
  return <ActivityList query={{ federationId: me.home.id, ...category }} heading={`${me.home.regionName}和镇上的活动`} />;
}

/** 活动: what is coming up near her, to sign up for; her own sign-ups one tap away. */
export default function ActivitiesTab() {
  const { state: me, reload } = useMe();
  const [category, setCategory] = useState<ActivityCategory | null>(null);
  return (
    <CarePage title="活动">
      {/* Her position is used only if she allowed it before; WeChat may still ask for consent again. */}
      <PrivacyDialog />
      <Button
        className="btn btn-secondary my-signups"
        hoverClass="btn-pressed"
        onClick={() => void Taro.navigateTo({ url: Routes.mySignups })}
      >
        我的报名
      </Button>
      <CategoryChips value={category} onChange={setCategory} />
      <Activities me={me} reloadMe={reload} category={category} />
    </CarePage>
  );
}
