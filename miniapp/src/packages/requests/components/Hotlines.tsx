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

/**
 * At the top of every screen about violence, before anything is asked of her: the police first,
 * then the women's hotline. Never behind a tap (she may not stop to say she is in danger) and
 * never under a message: the screens show what is missing beside the field instead of a toast.
 */
export function EmergencyCalls() {
  return (
    <View className="danger-box emergency-calls">
      <Text className="danger-title">有危险，请马上打电话</Text>
      <Button className="btn btn-primary call-110" hoverClass="btn-pressed" onClick={() => call(POLICE_NUMBER)}>
        拨打{POLICE_NUMBER}报警
      </Button>
      <WomensHotline />
    </View>
  );
}
