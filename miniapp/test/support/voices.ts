import {
  ActivityCategory,
  RoleKind,
  type ConcernDetail,
  type ConcernSummary,
  type MeResponse,
  type RosterEntryDetail,
  type RosterEntryView,
  type VoicesBoard,
} from '@wfh/shared';
import { activitySummary } from './activities';
import { meWithHome } from './fixtures';
import { at } from './requests';

export const VILLAGE = '211221100201';

export function concernSummary(fields: Partial<ConcernSummary> & Pick<ConcernSummary, 'id'>): ConcernSummary {
  return {
    federationId: VILLAGE,
    title: '村口路灯坏了',
    status: 'published',
    cosignCount: 5,
    authorLabel: '一位村民',
    createdAt: at('05-03T10:00:00'),
    latestUpdate: null,
    ...fields,
  };
}

export function concernDetail(fields: Partial<ConcernDetail> & Pick<ConcernDetail, 'id'>): ConcernDetail {
  return {
    ...concernSummary(fields),
    description: '晚上从地里回来，村口一片黑，老人孩子容易摔倒。',
    photoUrl: null,
    mergedInto: null,
    declineReason: null,
    updates: [],
    isMine: false,
    cosignedByMe: false,
    canCosign: true,
    canModerate: false,
    ...fields,
  };
}

export function voicesBoard(fields: Partial<VoicesBoard> = {}): VoicesBoard {
  return {
    federationId: VILLAGE,
    federationName: '懿路村妇联',
    concerns: [],
    meetings: [],
    counts: { raised: 0, answered: 0, done: 0 },
    ...fields,
  };
}

export const councilMeeting = activitySummary({
  id: 'm1',
  title: '五月妇女议事会',
  category: ActivityCategory.Council,
  startsAt: at('05-10T09:00:00'),
  endsAt: at('05-10T11:00:00'),
  status: 'finished',
});

export const meAsExecutive: MeResponse = {
  user: { id: 'u-exec', displayName: '赵春梅', nameListed: false, homeFederationId: VILLAGE, isDemo: true },
  roles: [{ role: RoleKind.Executive, federationId: VILLAGE, federationName: '懿路村妇联' }],
  home: meWithHome.home,
};

export function rosterEntry(fields: Partial<RosterEntryView> & Pick<RosterEntryView, 'id'>): RosterEntryView {
  return {
    federationId: VILLAGE,
    memberUserId: 'u-exec',
    memberName: '赵春梅',
    name: '刘淑珍',
    phone: '13912345678',
    tags: [],
    joinedBy: 'recorded',
    careEveryWeeks: 4,
    lastContactDate: null,
    careDue: false,
    ...fields,
  };
}

export function rosterDetail(fields: Partial<RosterEntryDetail> & Pick<RosterEntryDetail, 'id'>): RosterEntryDetail {
  return { ...rosterEntry(fields), contacts: [], ...fields };
}
