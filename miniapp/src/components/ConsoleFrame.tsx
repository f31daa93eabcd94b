import type { ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { RoleKind, mayUseConsole, type RoleGrantView } from '@wfh/shared';
import { useMe } from '../hooks/useMe';
import { Routes } from '../utils/routes';
import '../styles/console.css';

interface NavItem {
  name: string;
  label: string;
  url: string;
}

/** The tab bar's three places, then the work pages her roles open (the same ones her workbench links to). */
export function consoleNavItems(roles: readonly RoleGrantView[] | null): NavItem[] {
  const items: NavItem[] = [
    { name: 'home', label: '首页', url: Routes.home },
    { name: 'activities', label: '活动', url: Routes.activitiesTab },
    { name: 'me', label: '我的', url: Routes.meTab },
  ];
  if (roles === null) return [...items, { name: 'sign-in', label: '扫码登录工作台', url: Routes.consoleSignIn }];
  if (!mayUseConsole(roles)) return items;
  const work: NavItem[] = [{ name: 'workbench', label: '工作台（求助办理）', url: Routes.workbench }];
  if (roles.some((grant) => grant.role !== RoleKind.Executive)) work.push({ name: 'dashboard', label: '工作看板', url: Routes.dashboard() });
  if (roles.some((grant) => grant.role === RoleKind.Admin)) {
    work.push({ name: 'admin', label: '县妇联管理', url: Routes.countyAdmin });
    work.push({ name: 'imports', label: '导入导出', url: Routes.countyImports() });
  }
  return [...work, ...items];
}

/** The page's route without its query, with the leading slash the Routes carry. */
function pathOnly(path: string): string {
  return path.split('?')[0]!.replace(/^\/?/, '/');
}

/**
 * The left navigation of the PC console. Each place opens fresh (reLaunch), as a tab would: a day
 * of work at a PC must not pile up pages behind the current one. No name is shown here: the
 * dashboards it sits beside must name no member of staff.
 */
function ConsoleNav() {
  const { state } = useMe();
  const roles = state.status === 'ready' ? state.me.roles : state.status === 'signed-out' ? null : [];
  const here = pathOnly(useRouter().path ?? '');
  return (
    <View className="console-nav" role="navigation" aria-label="工作台导航">
      <Text className="console-nav-title">网上妇女之家</Text>
      {consoleNavItems(roles).map((item) => {
        const current = here === pathOnly(item.url);
        return (
          <Button
            key={item.name}
            className={`btn ${current ? 'btn-primary' : 'btn-secondary'} console-nav-item console-nav-${item.name}`}
            hoverClass="btn-pressed"
            aria-current={current ? 'page' : undefined}
            onClick={() => void Taro.reLaunch({ url: item.url })}
          >
            {item.label}
          </Button>
        );
      })}
    </View>
  );
}

/** A page in a PC-wide window: the navigation on the left, the page beside it (styles/console.css). */
export function ConsoleFrame({ children }: { children: ReactNode }) {
  return (
    <View className="console-frame">
      <ConsoleNav />
      <View className="console-main">{children}</View>
    </View>
  );
}
