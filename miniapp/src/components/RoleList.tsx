import { Text, View } from '@tarojs/components';
import { ROLE_LABELS, type RoleGrantView } from '@wfh/shared';

export function RoleList({ roles }: { roles: RoleGrantView[] }) {
  if (roles.length === 0) {
    return <Text className="body-text role-none">您目前没有担任妇联职务</Text>;
  }
  return (
    <View className="role-list">
      {roles.map((grant) => (
        <View key={`${grant.role}:${grant.federationId}`} className="role-item">
          <Text className="role-label">{ROLE_LABELS[grant.role]}</Text>
          <Text className="hint">{grant.federationName}</Text>
        </View>
      ))}
    </View>
  );
}
