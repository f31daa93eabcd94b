import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CONCERN_STATUS_LABELS, type ConcernSummary } from '@wfh/shared';
import { VoicesRoutes } from '../../../utils/voices-routes';
import { cosignLine, isOpenConcern, updateHeadline } from '../../../utils/voices';
import { formatDate } from '../../../utils/time';

/** Where it stands, and how many women back it while that still counts. */
export function ConcernStanding({ concern }: { concern: Pick<ConcernSummary, 'status' | 'cosignCount'> }) {
  return (
    <>
      <View className="place-tags">
        <Text className={`tag concern-status status-${concern.status}`}>{CONCERN_STATUS_LABELS[concern.status]}</Text>
      </View>
      {(isOpenConcern(concern.status) || concern.cosignCount > 0) && (
        <Text className="concern-cosigns">{cosignLine(concern.cosignCount)}</Text>
      )}
    </>
  );
}

/**
 * One concern in a list: what it is, where it stands, how many women back it, the latest answer.
 * The text opens the concern (or `url`); what she can do with it (`children`) sits under it.
 */
export function ConcernCard({ concern, url, children }: { concern: ConcernSummary; url?: string; children?: ReactNode }) {
  const update = concern.latestUpdate;
  return (
    <View className="place-item concern-item" data-concern={concern.id}>
      <View
        className="concern-tap"
        hoverClass="place-item-pressed"
        onClick={() => void Taro.navigateTo({ url: url ?? VoicesRoutes.concern(concern.id) })}
      >
        <Text className="place-name concern-title">{concern.title}</Text>
        <ConcernStanding concern={concern} />
        <Text className="place-address concern-author">
          {concern.authorLabel} · {formatDate(concern.createdAt)}提出
        </Text>
        {update && (
          <View className="concern-latest">
            <Text className="concern-latest-when">{updateHeadline(update)}</Text>
            <Text className="body-text concern-latest-text">{update.text}</Text>
          </View>
        )}
      </View>
      {children}
    </View>
  );
}
