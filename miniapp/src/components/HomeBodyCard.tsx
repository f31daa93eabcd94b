import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { FederationDetail } from '@wfh/shared';
import { Routes } from '../utils/routes';
import { BodySites } from './BodySites';

export function HomeBodyCard({ home }: { home: FederationDetail | null }) {
  if (home === null) {
    return (
      <View className="card">
        <Text className="card-title">我的村（社区）妇联</Text>
        <Text className="body-text home-not-chosen">您还没有选择所在的村或社区</Text>
        <Button
          className="btn btn-primary choose-village"
          hoverClass="btn-pressed"
          onClick={() => void Taro.navigateTo({ url: Routes.chooseVillage() })}
        >
          选择我所在的村（社区）
        </Button>
      </View>
    );
  }

  const callHome = () => {
    if (home.phone) void Taro.makePhoneCall({ phoneNumber: home.phone }).catch(() => undefined);
  };

  return (
    <View className="card">
      <Text className="card-title">我的村（社区）妇联</Text>
      <Text className="home-body-name">{home.name}</Text>
      {home.breadcrumb.length > 0 && (
        <Text className="home-breadcrumb">{home.breadcrumb.map((body) => body.name).join(' › ')}</Text>
      )}
      {home.address && <Text className="body-text home-address">地址：{home.address}</Text>}
      {home.officeHours && <Text className="body-text home-hours">办公时间：{home.officeHours}</Text>}
      {home.phone && (
        <Button className="btn btn-secondary home-phone" hoverClass="btn-pressed" onClick={callHome}>
          拨打电话 {home.phone}
        </Button>
      )}
      {/* Her own village's places, so she has them even without sharing a location. */}
      <BodySites federationId={home.id} title="本村（社区）的妇女之家" className="home-sites" itemClassName="home-site-item" />
      <Text
        className="link-text change-village"
        onClick={() => void Taro.navigateTo({ url: Routes.chooseVillage(home.parentId ?? undefined) })}
      >
        不是这个村（社区）？重新选择
      </Text>
    </View>
  );
}
