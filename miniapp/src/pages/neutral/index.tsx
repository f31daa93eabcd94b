import { Text, View } from '@tarojs/components';
import { CarePage } from '../../components/CarePage';

const TIPS: ReadonlyArray<[title: string, text: string]> = [
  ['早晚添衣', '早晚温差大，出门带件外套，回家再脱。'],
  ['多喝温水', '每天喝七八杯水，少喝含糖饮料。'],
  ['少盐少油', '炒菜少放盐和油，多吃蔬菜和豆制品。'],
  ['饭后走走', '饭后歇一会儿再散步半小时，有助消化。'],
  ['按时睡觉', '晚上早点睡，午后小睡不要超过半小时。'],
  ['用电安全', '出门前关好电器，插线板不要放在潮湿的地方。'],
];

/**
 * Where 快速离开 lands. Deliberately about nothing: no name, no village, no 妇联, no network call,
 * so someone picking up her phone sees an ordinary page. It lives in the main package so that it
 * opens at once, even when the signal is too weak to download a subpackage. In the browser 返回
 * stays here (utils/quick-exit.ts, guardHistoryAfterQuickExit).
 */
export default function NeutralPage() {
  return (
    <CarePage title="生活小常识" plain>
      <View className="card neutral-page">
        <Text className="greeting">生活小常识</Text>
        {TIPS.map(([title, text]) => (
          <View key={title} className="neutral-tip">
            <Text className="role-label">{title}</Text>
            <Text className="body-text">{text}</Text>
          </View>
        ))}
      </View>
    </CarePage>
  );
}
