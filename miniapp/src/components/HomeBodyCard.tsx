import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { FederationDetail } from '@wfh/shared';

export function HomeBodyCard({ home }: { home: FederationDetail | null }) {
  if (home === null) {
    return (
      <View className="card">
        <Text className="card-title">我的村（社区）妇联</Text>
        <Text className="body-text home-not-chosen">您还没有选择所在的村或社区</Text>
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
    </View>
  );
}
