import type { RequestDetail } from './requests';
import type { RoleGrantView } from './api';
import type { SignupKind, SignupState } from './activities';
import type { ConcernStatus } from './voices';
import type { FeedbackKind } from './stats';

/**
 * Everything the service holds about one woman, decrypted, as she downloads it (个人信息保护法
 * 第四十五条: her right to see and copy her personal information). Only her own things.
 */
export interface MyDataExport {
  exportedAt: string;
  profile: {
    id: string;
    /** null: she has no name (none was ever invented for her). */
    displayName: string | null;
    homeFederationId: string | null;
    homeFederationName: string | null;
    createdAt: string;
  };
  roles: RoleGrantView[];
  /** Her requests with what she wrote, the timeline (replies addressed to her) and her ratings. */
  requests: RequestDetail[];
  signups: MyDataSignup[];
  concerns: MyDataConcern[];
  cosigns: Array<{ concernId: string; title: string; at: string }>;
  feedback: MyDataFeedback[];
  /** Contact lists of executive members she joined by accepting an invitation. */
  rosters: Array<{ federationName: string; memberName: string | null; joinedAt: string; name: string; phone: string | null }>;
}

export interface MyDataSignup {
  id: string;
  activityId: string;
  activityTitle: string;
  activityStartsAt: string;
  kind: SignupKind;
  state: SignupState;
  /** The relative she signed up, with the phone she gave; null for herself. */
  attendee: { name: string; phone: string } | null;
  checkedInAt: string | null;
  createdAt: string;
}

export interface MyDataConcern {
  id: string;
  federationId: string;
  title: string;
  description: string;
  status: ConcernStatus;
  showAuthorName: boolean;
  createdAt: string;
}

export interface MyDataFeedback {
  id: string;
  kind: FeedbackKind;
  text: string;
  contactPhone: string | null;
  status: 'open' | 'answered';
  reply: string | null;
  createdAt: string;
}

/** She confirms on the screen that explains what goes and what stays. */
export interface DataDeletionRequest {
  confirm: true;
}

export interface DataDeletionResult {
  deletedAt: string;
  /** Requests kept, without her words or her name, for the body's statistics. */
  requestsAnonymised: number;
  /** Sign-ups of activities not yet begun, given up (seats go to the next woman waiting). */
  signupsCancelled: number;
}

/** What deletion keeps, in her words, shown before she confirms (and the server's own summary). */
export const DATA_DELETION_KEEPS: readonly string[] = [
  '您求助的类别、受理单位、办理时间和您的满意度评价会保留，用于妇联的工作统计，但不再和您有任何关联；您写的内容、联系方式都会删除',
  '您参加过的活动只保留人数统计，不保留您的名字',
  '您提出并已公开的议题内容会保留，但不再显示是谁提出的',
  '操作记录（审计日志）按《网络安全法》要求保存至少六个月，其中没有您写的内容',
];

/** What deletion removes, in her words. */
export const DATA_DELETION_REMOVES: readonly string[] = [
  '您的微信登录信息和名字，之后用微信登录会是一个全新的账号',
  '您求助时写的内容、联系电话、方便联系的时间，和您写的评价',
  '妇联工作人员在您的求助里写给您的答复',
  '您还没开始的活动报名（名额会让给排队的人），和您为家人报名时填的姓名、电话',
  '您还没公开的议题、您的投诉建议内容，和执委联系名单里您的记录',
];
