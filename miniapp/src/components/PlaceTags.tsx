import { Text, View } from '@tarojs/components';

/** 开放中 / 已关门, for sites only: bodies keep office hours as text. */
export function OpenTag({ open }: { open: boolean }) {
  return open ? <Text className="tag tag-open">开放中</Text> : <Text className="tag tag-closed">已关门</Text>;
}

export function DemoTag() {
  return <Text className="tag tag-demo">演示数据</Text>;
}

/** Said in full on a detail page, so that nobody sets off for a place that was made up. */
export function DemoNotice() {
  return (
    <View className="demo-notice">
      <Text className="demo-notice-title">演示数据</Text>
      <Text className="demo-notice-text">这是为演示编的地方，地址、电话和开放时间都不是真的。</Text>
    </View>
  );
}
