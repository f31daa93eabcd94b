import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { REQUEST_STATE_LABELS, type RequestSummary } from '@wfh/shared';
import { herDeadlineLine } from '../../../utils/requests';
import { Routes } from '../../../utils/routes';
import { formatDate } from '../../../utils/time';

/** The name she sees in her own list: a sensitive matter is never spelled out on the screen. */
export const herTitleOf = (request: RequestSummary) => (request.sensitive ? '我的求助' : request.categoryName);

export function RequestItem({ request }: { request: RequestSummary }) {
  const deadline = herDeadlineLine(request);
  return (
    <View
      className="request-item"
      hoverClass="place-item-pressed"
      onClick={() => void Taro.navigateTo({ url: Routes.myRequest(request.id) })}
    >
      <View className="place-head">
        <Text className="place-name request-title">{herTitleOf(request)}</Text>
        <Text className="request-date">{formatDate(request.createdAt)}</Text>
      </View>
      <Text className={`request-item-state state-${request.state}`}>{REQUEST_STATE_LABELS[request.state]}</Text>
      <Text className="place-address request-body">{request.federationName}</Text>
      {deadline && (
        <Text className={request.overdue ? 'request-deadline deadline-overdue' : 'request-deadline'}>{deadline}</Text>
      )}
    </View>
  );
}
