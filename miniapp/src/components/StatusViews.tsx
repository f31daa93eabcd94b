import { Button, Text, View } from '@tarojs/components';

export function Loading() {
  return (
    <View className="status" aria-live="polite">
      <Text>正在加载…</Text>
    </View>
  );
}

export function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className="status">
      <Text className="status-text">{message}</Text>
      <Button className="btn btn-primary" hoverClass="btn-pressed" onClick={onRetry}>
        重新加载
      </Button>
    </View>
  );
}

/** An honest placeholder for an area that a later release opens. */
export function ComingSoon({ title, text }: { title: string; text: string }) {
  return (
    <View className="card coming-soon">
      <Text className="card-title">{title}</Text>
      <Text className="body-text">{text}</Text>
    </View>
  );
}
