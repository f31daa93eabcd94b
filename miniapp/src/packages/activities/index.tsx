import { CarePage } from '../../components/CarePage';
import { ComingSoon } from '../../components/StatusViews';

export default function ActivityPage() {
  return (
    <CarePage title="活动报名">
      <ComingSoon title="活动报名即将开通" text="以后可以在这里查看活动详情、报名或取消报名。" />
    </CarePage>
  );
}
