import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { RoleKind, type InboxCounts, type RoleGrantView } from '@wfh/shared';
import { useInboxCounts } from '../hooks/useRequests';
import { Routes } from '../utils/routes';

/** 「3件新求助，1件已超时」, or that nothing waits. */
export function countsLine(counts: InboxCounts): string {
  const parts = [counts.waiting > 0 && `${counts.waiting}件新求助等您受理`, counts.overdue > 0 && `${counts.overdue}件已超时`].filter(Boolean);
  return parts.length > 0 ? parts.join('，') : '现在没有等您受理的求助';
}

/**
 * One tap from her home page into her workbench, with what waits there. Only for someone with a
 * role; an executive member keeps a roster but answers no requests, so she gets the door without
 * counts. While the counts load, or if they cannot be had, the button still opens the workbench.
 */
export function InboxShortcut({ roles }: { roles: readonly RoleGrantView[] }) {
  const answers = roles.some((grant) => grant.role !== RoleKind.Executive);
  const { state } = useInboxCounts(answers);
  if (roles.length === 0) return null;
  const counts = answers && state.status === 'ready' ? state.data : null;
  const urgent = counts !== null && (counts.waiting > 0 || counts.overdue > 0);
  return (
    <View className="card inbox-shortcut">
      <Text className="card-title">我的工作台</Text>
      {counts !== null && (
        <Text className={counts.overdue > 0 ? 'body-text inbox-counts deadline-overdue' : 'body-text inbox-counts'}>{countsLine(counts)}</Text>
      )}
      <Button
        className={`btn ${urgent ? 'btn-primary' : 'btn-secondary'} open-workbench`}
        hoverClass="btn-pressed"
        onClick={() => void Taro.navigateTo({ url: Routes.workbench })}
      >
        进入我的工作台
      </Button>
    </View>
  );
}
