import { Button, View } from '@tarojs/components';
import { quickExit } from '../../../utils/quick-exit';

/** On every screen of asking for help and wherever a sensitive request shows: one tap and the phone shows something ordinary. */
export function QuickExit() {
  return (
    <View className="quick-exit-bar">
      <Button className="quick-exit" hoverClass="btn-pressed" onClick={quickExit}>
        快速离开
      </Button>
    </View>
  );
}
