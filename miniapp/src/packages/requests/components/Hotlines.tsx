import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { POLICE_NUMBER, WOMENS_HOTLINE } from '../../../utils/requests';

function call(phoneNumber: string): void {
  void Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
}

export function WomensHotline() {
  return (
    <Button className="btn btn-secondary call-12338" hoverClass="btn-pressed" onClick={() => call(WOMENS_HOTLINE)}>
      拨打{WOMENS_HOTLINE}妇女维权热线
    </Button>
  );
}

/** Shown as soon as she says she is in danger: the police first, then the women's hotline. */
export function DangerBox() {
  return (
    <View className="danger-box" role="alert">
      <Text className="danger-title">如果您现在有危险，请马上打电话</Text>
      <Button className="btn btn-primary call-110" hoverClass="btn-pressed" onClick={() => call(POLICE_NUMBER)}>
        拨打{POLICE_NUMBER}报警
      </Button>
      <WomensHotline />
      <Text className="hint">电话打完后，也可以接着把求助发出去，妇联会尽快联系您。</Text>
    </View>
  );
}
