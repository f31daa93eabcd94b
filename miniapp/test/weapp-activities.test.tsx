import './support/as-weapp';
import type { ReactNode } from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, pathOf } from '@wfh/shared';
import AttendeesPage from '../src/packages/workbench/attendees';
import EditActivityPage from '../src/packages/workbench/activity-edit';
import CheckInPage from '../src/packages/workbench/check-in';
import { startSession } from '../src/api/session';
import { activityDetail, on, TOKEN } from './support/activities';
import { option, texts, typeInto } from './support/dom';
import { FakeApi, ok } from './support/fake-api';
import { meAsChair, tokensFor } from './support/fixtures';
import taro, { setRouterParams, taroStorage, writtenFiles } from './support/taro-mock';

// page-meta and navigation-bar exist only in WeChat; Taro's web builds of them refuse to render.
jest.mock('@tarojs/components', () => ({
  ...jest.requireActual('@tarojs/components'),
  PageMeta: ({ children }: { children?: ReactNode }) => <div>{children}</div>,
  NavigationBar: () => null,
}));

const LOCAL_API = 'http://127.0.0.1:3000';
const VILLAGE = '211221100201';
const checkInsOf = (id: string) => pathOf(ApiPaths.activityCheckIns, { id });

function api() {
  return new FakeApi(LOCAL_API)
    .on('GET', ApiPaths.me, ok(meAsChair))
    .on('GET', pathOf(ApiPaths.activity, { id: 'p1' }), ok(activityDetail({ id: 'p1', canManage: true })));
}

beforeEach(() => {
  taroStorage.clear();
  writtenFiles.clear();
  startSession(tokensFor(meAsChair.user));
  setRouterParams({ id: 'p1' });
});

describe('签到 in the mini-program', () => {
  it('scans her QR code with the camera and sends what it holds', async () => {
    const fake = api().on('POST', checkInsOf('p1'), ok({ signupId: 's1', name: '王秀英', checkedInAt: on('12-05T08:50:00') }));
    taro.scanCode.mockResolvedValueOnce({ result: TOKEN });
    render(<CheckInPage />);

    fireEvent.click(await screen.findByText('扫码签到'));

    await waitFor(() => expect(texts('.outcome-ok .check-in-outcome-text')).toEqual(['签到成功：王秀英']));
    expect(taro.scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode'] });
    expect(fake.callsTo('POST', checkInsOf('p1')).map((call) => call.data)).toEqual([{ code: TOKEN }]);
    // Typing the digits stays possible when a phone screen will not scan.
    expect(texts('.short-code-entry .card-title')).toEqual(['扫不了码时，输入签到码']);
  });

  it('does nothing when she closes the camera', async () => {
    const fake = api();
    render(<CheckInPage />);

    fireEvent.click(await screen.findByText('扫码签到'));

    await waitFor(() => expect(taro.scanCode).toHaveBeenCalled());
    expect(fake.callsTo('POST', checkInsOf('p1'))).toHaveLength(0);
    expect(document.querySelectorAll('.check-in-outcome')).toHaveLength(0);
  });
});

describe('报名名单 in the mini-program', () => {
  it('sends the CSV to a chat, since WeChat cannot open it itself', async () => {
    api()
      .on('GET', pathOf(ApiPaths.activityAttendees, { id: 'p1' }), ok({ confirmed: [], waitlisted: [], checkedIn: 0 }))
      .on('GET', pathOf(ApiPaths.activityAttendeesCsv, { id: 'p1' }), ok('姓名,电话\n'));
    render(<AttendeesPage />);

    fireEvent.click(await screen.findByText('把名单发到微信（电话隐去中间四位）'));

    const path = 'wxfile://usr/两癌免费筛查-报名名单.csv';
    await waitFor(() => expect(taro.shareFileMessage).toHaveBeenCalledWith({ filePath: path, fileName: '两癌免费筛查-报名名单.csv' }));
    expect(writtenFiles.get(path)).toBe('\uFEFF姓名,电话\n');
  });
});

describe('活动 form in the mini-program', () => {
  it('takes the place of an activity away from the body’s sites from WeChat’s map', async () => {
    setRouterParams({ federationId: VILLAGE });
    const fake = api()
      .on('GET', pathOf(ApiPaths.federationSites, { id: VILLAGE }), ok([]))
      .on('POST', pathOf(ApiPaths.federationActivities, { id: VILLAGE }), ok(activityDetail({ id: 'n1', status: 'draft', canManage: true })));
    taro.chooseLocation.mockResolvedValueOnce({ name: '懿路村文化广场', address: '铁岭县新台子镇懿路村', latitude: 42.2251, longitude: 123.7302 });
    render(<EditActivityPage />);

    fireEvent.click(await screen.findByText('在地图上选位置'));
    await screen.findByText('已选好位置，点这里重选');
    await typeInto('.activity-title-input', '广场舞');
    fireEvent.click(await option('category', '文体活动'));
    fireEvent.click(screen.getByText('保存草稿'));

    await waitFor(() => expect(fake.callsTo('POST', pathOf(ApiPaths.federationActivities, { id: VILLAGE }))).toHaveLength(1));
    expect(fake.callsTo('POST', pathOf(ApiPaths.federationActivities, { id: VILLAGE }))[0].data).toMatchObject({
      siteId: null,
      address: '铁岭县新台子镇懿路村 懿路村文化广场',
      latitude: 42.2251,
      longitude: 123.7302,
    });
  });
});
