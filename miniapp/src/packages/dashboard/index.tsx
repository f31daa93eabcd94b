import { CarePage } from '../../components/CarePage';
import { ComingSoon } from '../../components/StatusViews';

export default function DashboardPage() {
  return (
    <CarePage title="工作看板">
      <ComingSoon title="工作看板即将开通" text="乡镇（街道）妇联以后可以在这里查看各村、各社区的办理情况。" />
    </CarePage>
  );
}
