import {
  RegionLevel,
  RequestAction,
  RequestState,
  ServiceCategoryKey,
  type RequestDetail,
  type RequestEventView,
  type RequestSummary,
  type ServiceCategory,
} from '@wfh/shared';

export const legalAid: ServiceCategory = {
  key: ServiceCategoryKey.LegalAid,
  name: '法律帮助与维权',
  description: '遇到纠纷、权益受到侵害，想知道该怎么办',
  sensitive: false,
  handlingLevel: RegionLevel.Village,
  firstResponseHours: 16,
  resolutionHours: 80,
  questions: [
    { key: 'topic', label: '是哪方面的事', type: 'choice', required: true, options: ['婚姻家庭', '财产', '工作'] },
    { key: 'has_papers', label: '手里有相关材料吗', type: 'yes_no', required: false },
    { key: 'people', label: '涉及几个人', type: 'number', required: false },
  ],
};

export const domesticViolence: ServiceCategory = {
  key: ServiceCategoryKey.DomesticViolence,
  name: '家庭暴力求助',
  description: '在家里被打、被威胁、被限制自由',
  sensitive: true,
  handlingLevel: RegionLevel.Village,
  firstResponseHours: 4,
  resolutionHours: 40,
  questions: [{ key: 'children', label: '家里有孩子吗', type: 'yes_no', required: true }],
};

export const other: ServiceCategory = {
  key: ServiceCategoryKey.Other,
  name: '其他',
  description: '上面没有的事',
  sensitive: false,
  handlingLevel: RegionLevel.Village,
  firstResponseHours: 16,
  resolutionHours: 80,
  questions: [],
};

export const categories = [legalAid, domesticViolence, other];

/** This year in Asia/Shanghai, so dates show as "5月6日" without a year whenever the tests run. */
export const year = new Date(Date.now() + 8 * 3600 * 1000).getUTCFullYear();
export const at = (monthDayTime: string) => new Date(`${year}-${monthDayTime}+08:00`).toISOString();

const event = (fields: Partial<RequestEventView> & Pick<RequestEventView, 'at' | 'action' | 'actor' | 'toState'>): RequestEventView => ({
  federationName: null,
  toFederationName: null,
  note: null,
  staffNote: null,
  ...fields,
});

export const submitted = event({ at: at('05-03T10:00:00'), action: 'submit', actor: 'woman', toState: RequestState.Submitted });
export const accepted = event({
  at: at('05-03T15:20:00'),
  action: RequestAction.Accept,
  actor: 'handler',
  federationName: '懿路村妇联',
  toState: RequestState.Accepted,
  note: '我们明天上午给您打电话',
});

export function summary(fields: Partial<RequestSummary> & Pick<RequestSummary, 'id'>): RequestSummary {
  return {
    categoryKey: legalAid.key,
    categoryName: legalAid.name,
    sensitive: false,
    urgent: false,
    state: RequestState.Submitted,
    federationId: '211221100201',
    federationName: '懿路村妇联',
    homeFederationId: '211221100201',
    homeFederationName: '懿路村妇联',
    createdAt: at('05-03T10:00:00'),
    firstResponseDueAt: at('05-06T09:30:00'),
    resolutionDueAt: at('05-20T17:00:00'),
    overdue: false,
    onBehalf: false,
    requester: null,
    ...fields,
  };
}

export function detail(fields: Partial<RequestDetail> & Pick<RequestDetail, 'id'>): RequestDetail {
  return {
    ...summary(fields),
    description: '邻居占了我家的地，想问问该怎么办',
    answers: [{ key: 'topic', label: '是哪方面的事', value: '财产' }],
    contact: { method: 'phone', phone: '13800000000', safeTimes: '工作日上午' },
    routingReason: '法律帮助由村（社区）妇联受理',
    timeline: [submitted],
    rating: null,
    ...fields,
  };
}
