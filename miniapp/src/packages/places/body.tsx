import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { placeNameOf, REGION_LEVEL_LABELS, type FederationDetail } from '@wfh/shared';
import { CarePage } from '../../components/CarePage';
import { BodySites } from '../../components/BodySites';
import { NavigateHere } from '../../components/NavigateHere';
import { ShareButton } from '../../components/ShareButton';
import { LoadFailed, Loading } from '../../components/StatusViews';
import { useFederation } from '../../hooks/usePlaces';
import { useShareCard } from '../../hooks/useShareCard';
import { isVillageCode, PATH_SEPARATOR } from '../../utils/places';
import { Routes } from '../../utils/routes';
import { ConfirmHomeSheet } from './components/ConfirmHomeSheet';

function BodyView({ body }: { body: FederationDetail }) {
  const [confirming, setConfirming] = useState(false);
  const village = isVillageCode(body.id);
  const path = body.breadcrumb.map((parent) => placeNameOf(parent.regionName)).join(PATH_SEPARATOR);

  return (
    <View>
      <View className="card">
        <Text className="home-body-name body-name">{body.name}</Text>
        <Text className="hint">{REGION_LEVEL_LABELS[body.level]}妇联</Text>
        {path && <Text className="home-breadcrumb">{path}</Text>}
        {body.address && <Text className="body-text">地址：{body.address}</Text>}
        {body.officeHours && <Text className="body-text">办公时间：{body.officeHours}</Text>}
        {body.latitude !== null && body.longitude !== null && (
          <>
            {body.locationIsDemo && <Text className="hint body-location-demo">这个位置是演示数据，不是真实的办公地点。</Text>}
            <NavigateHere
              place={{ latitude: body.latitude, longitude: body.longitude, name: body.name, address: body.address ?? '' }}
              className="body-navigate"
            />
          </>
        )}
        {body.phone && (
          <Button
            className="btn btn-secondary body-phone"
            hoverClass="btn-pressed"
            onClick={() => void Taro.makePhoneCall({ phoneNumber: body.phone! }).catch(() => undefined)}
          >
            拨打电话 {body.phone}
          </Button>
        )}
        {village && (
          <Button className="btn btn-secondary choose-this-home" hoverClass="btn-pressed" onClick={() => setConfirming(true)}>
            这是我所在的村（社区）
          </Button>
        )}
      </View>
      <BodySites federationId={body.id} title="这里的妇女之家" className="card" itemClassName="body-site-item" />
      <Button
        className="btn btn-primary ask-help"
        hoverClass="btn-pressed"
        onClick={() => void Taro.navigateTo({ url: Routes.askForHelp({ federationId: body.id }) })}
      >
        向这里的妇联求助
      </Button>
      <Button className="btn btn-secondary public-stats" hoverClass="btn-pressed" onClick={() => void Taro.navigateTo({ url: Routes.publicStats(body.id) })}>
        工作公开
      </Button>
      <ShareButton className="share-body" />
      {confirming && (
        <ConfirmHomeSheet
          candidate={{ id: body.id, name: placeNameOf(body.regionName), path }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </View>
  );
}

/** A federation body from the nearby list or a search: how to reach it and its sites. */
export default function BodyPage() {
  const { params } = useRouter();
  const id = typeof params.id === 'string' && params.id !== '' ? params.id : null;
  const { state, reload } = useFederation(id);
  useShareCard(state.status === 'ready' ? { title: `${state.data.name}：有事可以来找我们`, path: Routes.body(state.data.id) } : null);

  return (
    <CarePage title="妇联">
      {id === null && <Text className="body-text">没有找到这个妇联。</Text>}
      {id !== null && state.status === 'loading' && <Loading />}
      {state.status === 'failed' && <LoadFailed message={state.error.message} onRetry={reload} />}
      {state.status === 'ready' && <BodyView body={state.data} />}
    </CarePage>
  );
}
