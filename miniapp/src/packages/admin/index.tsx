import { CarePage } from '../../components/CarePage';
import { ComingSoon } from '../../components/StatusViews';

export default function AdminPage() {
  return (
    <CarePage title="县妇联管理">
      <ComingSoon title="县妇联管理即将开通" text="县妇联以后可以在这里管理组织、职务和办理规则。" />
    </CarePage>
  );
}
