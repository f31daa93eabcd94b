import {
  ActivityCategory,
  type ActivityDetail,
  type ActivitySummary,
  type AttendeeView,
  type MySignup,
  type SignupView,
} from '@wfh/shared';

/** Far enough ahead that nothing here has ended whenever the tests run; shown with its year. */
export const on = (monthDayTime: string) => new Date(`2099-${monthDayTime}+08:00`).toISOString();

export function activitySummary(fields: Partial<ActivitySummary> & Pick<ActivitySummary, 'id'>): ActivitySummary {
  return {
    federationId: '211221100201',
    federationName: '懿路村妇联',
    title: '两癌免费筛查',
    category: ActivityCategory.Screening,
    status: 'published',
    startsAt: on('12-05T09:00:00'),
    endsAt: on('12-05T11:30:00'),
    signupOpensAt: on('11-20T08:00:00'),
    signupClosesAt: on('12-04T18:00:00'),
    signupWindow: 'open',
    address: '新台子镇懿路村村委会二楼',
    siteId: 'site-yilu',
    siteName: '懿路村妇女之家',
    latitude: 42.224,
    longitude: 123.735,
    capacity: 30,
    seatsLeft: 3,
    waitlistLength: 0,
    distanceMetres: null,
    ...fields,
  };
}

export function activityDetail(fields: Partial<ActivityDetail> & Pick<ActivityDetail, 'id'>): ActivityDetail {
  return {
    ...activitySummary(fields),
    description: '县妇幼保健院的医生来村里，为35到64岁的妇女免费做宫颈癌、乳腺癌筛查。',
    reservedSeats: 0,
    reservedTaken: 0,
    confirmedCount: 27,
    relativesAllowed: true,
    cancelReason: null,
    mySignups: [],
    canManage: false,
    ...fields,
  };
}

export function signupView(fields: Partial<SignupView> & Pick<SignupView, 'id'>): SignupView {
  return {
    activityId: 'a1',
    kind: 'self',
    state: 'confirmed',
    attendeeName: '本人',
    waitlistPosition: null,
    checkInToken: null,
    shortCode: null,
    checkedInAt: null,
    createdAt: on('11-21T10:00:00'),
    ...fields,
  };
}

export function mySignup(fields: Partial<MySignup> & Pick<MySignup, 'id'>): MySignup {
  return { ...signupView(fields), activity: activitySummary({ id: fields.activityId ?? 'a1' }), ...fields };
}

export function attendee(fields: Partial<AttendeeView> & Pick<AttendeeView, 'signupId' | 'name'>): AttendeeView {
  return {
    kind: 'self',
    state: 'confirmed',
    number: 1,
    phone: '138****5678',
    waitlistPosition: null,
    checkedInAt: null,
    signedUpAt: on('11-21T10:00:00'),
    ...fields,
  };
}

/** What the server puts in a confirmed sign-up's QR code (its own format: prefix, id, MAC). */
export const TOKEN = 'WFH1.7d3c1e9a-52b4-4f0e-9a61-2f4c8b1d6e07.q8Xz3LmN0pR5tV7wY9aB2c';
