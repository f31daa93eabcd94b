import { CarePage } from '../../components/CarePage';
import { ComingSoon } from '../../components/StatusViews';

export default function RequestsPage() {
  return (
    <CarePage title="求助服务">
      <ComingSoon title="求助服务即将开通" text="以后可以在这里向村里、社区里的妇联求助，并随时查看办理进度。" />
    </CarePage>
  );
}
