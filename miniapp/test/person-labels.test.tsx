import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, pathOf, RoleKind, type BodyMember, type CoverView } from '@wfh/shared';
import AttendeesPage from '../src/packages/workbench/attendees';
import CheckInPage from '../src/packages/workbench/check-in';
import CoverPage from '../src/packages/workbench/cover';
import { startSession } from '../src/api/session';
import { activityDetail, attendee, on } from './support/activities';
import { texts, typeInto } from './support/dom';
import { FakeApi, ok } from './support/fake-api';
import { meAsChair, tokensFor } from './support/fixtures';
import { setRouterParams, taroStorage } from './support/taro-mock';

/**
 * A person without a name, as a chair sees her: the neutral label of personLabel (shared), never a
 * blank and never 「微信用户」.
 */
const VILLAGE = '211221100201';
const activityPath = pathOf(ApiPaths.activity, { id: 'p1' });

function chairApi() {
  return new FakeApi().on('GET', ApiPaths.me, ok(meAsChair)).on('GET', activityPath, ok(activityDetail({ id: 'p1', canManage: true })));
}

beforeEach(() => {
  taroStorage.clear();
  startSession(tokensFor(meAsChair.user));
  setRouterParams({ id: 'p1', federationId: VILLAGE });
});

describe('people without a name in a chair’s pages', () => {
  it('报名名单 shows 报名者 and her number beside the women who have names', async () => {
    chairApi().on(
      'GET',
      pathOf(ApiPaths.activityAttendees, { id: 'p1' }),
      ok({
        confirmed: [attendee({ signupId: 's1', name: '王秀英', number: 1 }), attendee({ signupId: 's2', name: null, number: 3, phone: null })],
        waitlisted: [attendee({ signupId: 's3', name: null, number: 4, state: 'waitlisted', waitlistPosition: 1, phone: null })],
        checkedIn: 0,
      }),
    );
    render(<AttendeesPage />);
    await waitFor(() => expect(texts('.confirmed-list .attendee-name')).toEqual(['王秀英', '报名者 3']));
    expect(texts('.waitlist .attendee-name')).toEqual(['第1位 报名者 4']);
    expect(document.body.textContent).not.toContain('微信用户');
  });

  it('签到 names her by the same number', async () => {
    chairApi().on('POST', pathOf(ApiPaths.activityCheckIns, { id: 'p1' }), ok({ signupId: 's2', name: null, number: 3, checkedInAt: on('12-05T08:52:00') }));
    render(<CheckInPage />);
    await screen.findByText('输入6位签到码');
    await typeInto('.short-code-input', '482913');
    fireEvent.click(screen.getByText('签到', { selector: '.submit-short-code' }));
    await waitFor(() => expect(texts('.outcome-ok .check-in-outcome-text')).toEqual(['签到成功：报名者 3']));
    expect(texts('.arrived-name')).toEqual(['报名者 3']);
  });

  it('the deputy picker and the cover show a deputy without a name by the day she joined', async () => {
    const members: BodyMember[] = [
      { userId: 'u-chair', displayName: '李桂兰', role: RoleKind.Chair, since: '2026-01-01T00:00:00.000Z' },
      { userId: 'u-deputy', displayName: null, role: RoleKind.Deputy, since: '2026-03-04T17:00:00.000Z' },
    ];
    const away: CoverView = {
      chairUserId: 'u-chair',
      chairName: '李桂兰',
      deputyUserId: 'u-deputy',
      deputyName: null,
      awayFrom: '2026-05-05T16:00:00.000Z',
      awayUntil: '2026-05-08T16:00:00.000Z',
      current: true,
    };
    new FakeApi()
      .on('GET', ApiPaths.me, ok(meAsChair))
      .on('GET', pathOf(ApiPaths.federationCover, { id: VILLAGE }), ok([away]))
      .on('GET', pathOf(ApiPaths.federationMembers, { id: VILLAGE }), ok(members));
    render(<CoverPage />);
    await waitFor(() => expect(texts('.deputy-option')).toEqual(['未留姓名的成员（2026年3月5日加入）', '不指定']));
    expect(texts('.cover-item .cover-deputy')).toEqual(['由未留姓名的成员代为处理']);
  });
});
