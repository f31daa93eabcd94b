import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { can, Permission, SITE_KIND_LABELS, type FederationDetail, type SiteSummary } from '@wfh/shared';
import { ApiError, updateSite } from '../../api';
import { onlyIf } from '../../components/Buttons';
import { PrivacyDialog } from '../../components/PrivacyDialog';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useFederation } from '../../hooks/usePlaces';
import { weekInWords } from '../../utils/hours';
import { Routes } from '../../utils/routes';
import { actorOf } from '../../utils/voices';
import { BodyPage } from './components/BodyPage';
import { locationWords } from './components/LocationField';
import { ProfileForm } from './components/ProfileForm';
import { useManagedSites } from './places-hooks';
import '../../styles/requests.css';
import '../../styles/my-places.css';

function Line({ label, value, name }: { label: string; value: string | null; name: string }) {
  return (
    <Text className={`body-text profile-line ${name}`}>
      {label}：{value ?? '还没有填写'}
    </Text>
  );
}

/** What women see of the body when they look for it, and the form to change it. */
function ProfileCard({ federationId }: { federationId: string }) {
  const { state, reload, set } = useFederation(federationId);
  const [editing, setEditing] = useState(false);
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'failed') return <LoadFailed message={state.error.message} onRetry={reload} />;
  const body = state.data;
  const located = body.latitude !== null && body.longitude !== null ? { latitude: body.latitude, longitude: body.longitude } : null;
  return (
    <View className="card profile-card">
      <Text className="card-title">{body.name}</Text>
      {editing ? (
        <ProfileForm
          body={body}
          onSaved={(saved: FederationDetail) => {
            set(saved);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <View>
          <Line label="地址" value={body.address} name="profile-address-line" />
          <Line label="电话" value={body.phone} name="profile-phone-line" />
          <Line label="办公时间" value={body.officeHours} name="profile-hours-line" />
          <Line label="位置" value={located === null ? '还没有设定，大家按距离找不到本会' : locationWords(located)} name="profile-location-line" />
          {body.locationIsDemo && <Text className="hint">这个位置是演示数据，请设定真实的位置。</Text>}
          <Button className="btn btn-primary edit-profile" hoverClass="btn-pressed" onClick={() => setEditing(true)}>
            修改本会信息
          </Button>
        </View>
      )}
    </View>
  );
}

function SiteRow({ site, onChanged }: { site: SiteSummary; onChanged: (site: SiteSummary) => void }) {
  const [busy, setBusy] = useState(false);
  const hours = weekInWords(site.openingHours);

  const toggle = async () => {
    if (busy) return;
    const { confirm } = await Taro.showModal(
      site.active
        ? { title: '暂停开放？', content: `暂停后，大家查找时就看不到“${site.name}”了，随时可以恢复。`, confirmText: '暂停开放', cancelText: '再想想' }
        : { title: '恢复开放？', content: `恢复后，大家马上就能找到“${site.name}”。`, confirmText: '恢复开放', cancelText: '再想想' },
    );
    if (!confirm) return;
    setBusy(true);
    try {
      onChanged(await updateSite(site.id, { active: !site.active }));
      void Taro.showToast({ title: site.active ? '已暂停开放' : '已恢复开放', icon: 'none', duration: 2000 });
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : ApiError.network();
      void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className={site.active ? 'my-site' : 'my-site my-site-paused'} data-site={site.id}>
      <Text className="place-name my-site-name">{site.name}</Text>
      <Text className={site.active ? 'my-site-status status-open' : 'my-site-status status-paused'}>
        {SITE_KIND_LABELS[site.kind]} · {site.active ? '开放中' : '已暂停开放'}
      </Text>
      <Text className="body-text">地址：{site.address}</Text>
      <Text className="body-text my-site-hours">开放时间：{hours ?? '没有固定的开放时间'}</Text>
      {site.phone && <Text className="body-text">电话：{site.phone}</Text>}
      <View className="my-site-actions">
        <Button className="btn btn-secondary edit-site" hoverClass="btn-pressed" onClick={() => void Taro.navigateTo({ url: Routes.editSite({ id: site.id }) })}>
          修改
        </Button>
        <Button
          className={site.active ? 'btn btn-secondary pause-site' : 'btn btn-secondary resume-site'}
          hoverClass="btn-pressed"
          loading={onlyIf(busy)}
          disabled={onlyIf(busy)}
          onClick={() => void toggle()}
        >
          {site.active ? '暂停开放' : '恢复开放'}
        </Button>
      </View>
    </View>
  );
}

/** 妇女之家, 妇女微家 … of the body, switched-off ones too. */
function SitesCard({ federationId }: { federationId: string }) {
  const { state, reload, set } = useManagedSites(federationId);
  return (
    <View className="card my-sites">
      <Text className="card-title">妇女之家等阵地</Text>
      {state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && state.data.length === 0 && <Text className="body-text my-sites-empty">还没有阵地。添加以后，大家就能在“离我最近”里找到。</Text>}
      {state.status === 'ready' &&
        state.data.map((site) => (
          <SiteRow key={site.id} site={site} onChanged={(changed) => set(state.data.map((s) => (s.id === changed.id ? changed : s)))} />
        ))}
      <Button className="btn btn-primary add-site" hoverClass="btn-pressed" onClick={() => void Taro.navigateTo({ url: Routes.editSite({ federationId }) })}>
        新增阵地
      </Button>
    </View>
  );
}

/**
 * 「我的阵地」: the body's contact details and office location, and its sites, kept current from
 * her phone. What she saves shows in women's nearest places at once.
 */
export default function MyPlacesPage() {
  return (
    <BodyPage title="我的阵地" permissions={[Permission.EditBodyProfile]} refusal="您在这里没有职务，不能修改本会的信息。">
      {(me, federationId) => (
        <View>
          <PrivacyDialog />
          <ProfileCard federationId={federationId} />
          {can(actorOf(me), Permission.ManageSites, federationId) ? (
            <SitesCard federationId={federationId} />
          ) : (
            <Text className="hint">妇女之家等阵地由村（社区）妇联主席、副主席和县妇联管理员维护。</Text>
          )}
        </View>
      )}
    </BodyPage>
  );
}
