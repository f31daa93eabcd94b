import { CarePage } from '../../components/CarePage';
import { ComingSoon } from '../../components/StatusViews';

export default function ActivitiesTab() {
  return (
    <CarePage title="活动">
      <ComingSoon title="活动报名即将开通" text="以后可以在这里看到村里、社区里的活动，并直接报名。" />
    </CarePage>
  );
}
