import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiPaths, CareTag, pathOf, type ContactLogInput, type RosterEntryInput } from '@wfh/shared';
import JoinRosterPage from '../src/packages/voices/join';
import RosterEntryPage from '../src/packages/workbench/roster-entry';
import RosterPage from '../src/packages/workbench/roster';
import { startSession } from '../src/api/session';
import { shanghaiDay } from '../src/utils/time';
import { texts, typeInto } from './support/dom';
import { FakeApi, ok } from './support/fake-api';
import { meAsChair, meWithHome, tokensFor } from './support/fixtures';
import { at } from './support/requests';
import taro, { setRouterParams, taroStorage } from './support/taro-mock';
import { meAsExecutive, rosterDetail, rosterEntry, VILLAGE } from './support/voices';

const rosterOf = pathOf(ApiPaths.federationRoster, { id: VILLAGE });
const invitationsOf = pathOf(ApiPaths.federationRosterInvitations, { id: VILLAGE });
const entryPath = (id: string) => pathOf(ApiPaths.rosterEntry, { id });
const contactsOf = (id: string) => pathOf(ApiPaths.rosterEntryContacts, { id });

function api(me = meAsExecutive) {
  return new FakeApi().on('GET', ApiPaths.me, ok(me));
}

beforeEach(() => {
  taroStorage.clear();
  startSession(tokensFor(meAsExecutive.user));
  setRouterParams({ federationId: VILLAGE });
});

describe('联系名单', () => {
  it('puts the women due a visit first, with a red 该联系了, and their care tags', async () => {
    api().on(
      'GET',
      rosterOf,
      ok([
        rosterEntry({ id: 'e1', name: '刘淑珍', lastContactDate: '2020-03-02' }),
        rosterEntry({ id: 'e2', name: '孙玉兰', tags: [CareTag.Elderly, CareTag.Disabled], careDue: true }),
      ]),
    );
    render(<RosterPage />);

    await waitFor(() => expect(texts('.roster-name')).toEqual(['孙玉兰', '刘淑珍']));
    const [due, calm] = Array.from(document.querySelectorAll('.roster-item'));
    expect(texts('.tag-care-due', due)).toEqual(['该联系了']);
    expect(texts('.tag-care', due)).toEqual(['高龄独居', '残疾']);
    expect(calm.querySelectorAll('.tag-care-due')).toHaveLength(0);
    expect(texts('.roster-last')).toEqual(['还没有联系记录', '上次联系：2020年3月2日']);

    fireEvent.click(due);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/workbench/roster-entry?id=e2' });
  });

  it('refuses to add her without her consent, before asking the server', async () => {
    const fake = api()
      .on('GET', rosterOf, ok([]))
      .on('POST', rosterOf, ok(rosterEntry({ id: 'new', name: '周桂芳', tags: [CareTag.LeftBehind] })));
    render(<RosterPage />);
    fireEvent.click(await screen.findByText('添加联系人'));
    await typeInto('.roster-name-input', '周桂芳');
    await typeInto('.roster-phone-input', '13800001111');
    fireEvent.click(screen.getByText('留守'));
    fireEvent.click(screen.getByText('加入名单'));

    expect(await screen.findAllByText('请先征得她本人同意，再把她加入联系名单')).not.toHaveLength(0);
    expect(fake.callsTo('POST', rosterOf)).toHaveLength(0);

    // The message goes as soon as she has put it right, before she presses again.
    fireEvent.click(screen.getByText('已征得她本人同意'));
    await waitFor(() => expect(screen.queryAllByText('请先征得她本人同意，再把她加入联系名单')).toHaveLength(0));
    fireEvent.click(screen.getByText('加入名单'));
    await waitFor(() => expect(texts('.roster-name')).toEqual(['周桂芳']));
    expect(fake.callsTo('POST', rosterOf).map((call) => call.data as RosterEntryInput)).toEqual([
      { name: '周桂芳', phone: '13800001111', tags: [CareTag.LeftBehind], consentRecorded: true, careEveryWeeks: 4 },
    ]);
  });

  it('checks the phone and the reminder weeks before sending', async () => {
    const fake = api().on('GET', rosterOf, ok([]));
    render(<RosterPage />);
    fireEvent.click(await screen.findByText('添加联系人'));
    await typeInto('.roster-name-input', '周桂芳');
    await typeInto('.roster-phone-input', '12');
    await typeInto('.roster-weeks-input', '40');
    fireEvent.click(screen.getByText('已征得她本人同意'));
    fireEvent.click(screen.getByText('加入名单'));

    await waitFor(() => expect(texts('.form-errors .form-error')).toEqual(['电话号码好像不对，请再看一看', '提醒间隔请填1到26之间的整数周']));
    expect(fake.callsTo('POST', rosterOf)).toHaveLength(0);
  });

  it('counts a pasted name that is too long instead of cutting it, and sends it once she has shortened it', async () => {
    const fake = api()
      .on('GET', rosterOf, ok([]))
      .on('POST', rosterOf, ok(rosterEntry({ id: 'new', name: '周'.repeat(40) })));
    render(<RosterPage />);
    fireEvent.click(await screen.findByText('添加联系人'));
    await typeInto('.roster-name-input', '周'.repeat(45));
    await typeInto('.roster-phone-input', '13800001111');
    fireEvent.click(screen.getByText('已征得她本人同意'));

    expect(document.querySelector<HTMLInputElement>('.roster-name-input input')!.value).toHaveLength(45);
    expect(texts('.text-count-over')).toEqual(['已写 45/40 字，多了 5 字，请删短一些']);
    fireEvent.click(screen.getByText('加入名单'));
    await waitFor(() => expect(texts('.field-error')).toEqual(['姓名最多 40 字，现在 45 字，请删短一些']));
    expect(fake.callsTo('POST', rosterOf)).toHaveLength(0);

    await typeInto('.roster-name-input', '周'.repeat(40));
    await waitFor(() => expect(texts('.field-error')).toEqual([]));
    fireEvent.click(screen.getByText('加入名单'));
    await waitFor(() => expect(fake.callsTo('POST', rosterOf).map((call) => (call.data as RosterEntryInput).name)).toEqual(['周'.repeat(40)]));
  });

  it('shows the invitation code large, to read out or copy', async () => {
    api()
      .on('GET', rosterOf, ok([]))
      .on('POST', invitationsOf, ok({ code: 'K7MPQ2XA', expiresAt: at('06-01T00:00:00'), memberName: '赵春梅', federationName: '懿路村妇联' }));
    render(<RosterPage />);
    fireEvent.click(await screen.findByText('邀请加入'));

    await waitFor(() => expect(texts('.roster-code')).toEqual(['K7MPQ2XA']));
    expect(texts('.invitation-expiry')).toEqual(['6月1日前有效，只能用一次。']);
    fireEvent.click(screen.getByText('复制邀请码'));
    expect(taro.setClipboardData).toHaveBeenCalledWith({ data: 'K7MPQ2XA' });
  });

  it('shows the chair every member’s entries, with masked phones and whose they are', async () => {
    startSession(tokensFor(meAsChair.user));
    api(meAsChair).on('GET', rosterOf, ok([rosterEntry({ id: 'e1', phone: '139****5678' })]));
    render(<RosterPage />);

    await waitFor(() => expect(texts('.roster-member')).toEqual(['执委：赵春梅']));
    expect(texts('.roster-phone')).toEqual(['139****5678']);
    // The chair keeps a roster of her own too.
    expect(texts('.open-roster-add')).toEqual(['添加联系人']);
  });
});

describe('联系人', () => {
  beforeEach(() => setRouterParams({ id: 'e2' }));

  it('logs a contact dated today by default, and shows the log newest first', async () => {
    const entry = rosterDetail({
      id: 'e2',
      name: '孙玉兰',
      tags: [CareTag.Elderly],
      careDue: true,
      contacts: [{ id: 'c0', date: '2020-01-05', method: 'phone', note: null, requestFiled: false }],
    });
    const today = shanghaiDay();
    const fake = api()
      .on('GET', entryPath('e2'), ok(entry))
      .on(
        'POST',
        contactsOf('e2'),
        ok({
          ...entry,
          careDue: false,
          lastContactDate: today,
          contacts: [...entry.contacts, { id: 'c1', date: today, method: 'visit', note: '腿脚不好，想申请轮椅', requestFiled: true }],
        }),
      );
    render(<RosterEntryPage />);

    await waitFor(() => expect(texts('.tag-care-due')).toEqual(['该联系了']));
    fireEvent.click(screen.getByText('记一次联系'));
    expect(texts('.contact-date')).toEqual([today]);
    fireEvent.click(screen.getByText('保存'));
    await screen.findByText('请选择是怎么联系的');
    expect(fake.callsTo('POST', contactsOf('e2'))).toHaveLength(0);

    fireEvent.click(screen.getByText('上门走访'));
    await waitFor(() => expect(screen.queryByText('请选择是怎么联系的')).toBeNull());
    // A note too long is shown with its count and not sent, never cut.
    await typeInto('.contact-note', '好'.repeat(501));
    fireEvent.click(screen.getByText('保存'));
    await screen.findByText('她需要什么最多 500 字，现在 501 字，请删短一些');
    expect(document.querySelector<HTMLTextAreaElement>('.contact-note textarea')!.value).toHaveLength(501);
    expect(fake.callsTo('POST', contactsOf('e2'))).toHaveLength(0);

    await typeInto('.contact-note', '腿脚不好，想申请轮椅');
    await waitFor(() => expect(screen.queryByText(/她需要什么最多/)).toBeNull());
    fireEvent.click(screen.getByText('已帮她提出求助'));
    fireEvent.click(screen.getByText('保存'));

    await waitFor(() => expect(texts('.contact-method')).toEqual(['上门走访', '打电话']));
    expect(fake.callsTo('POST', contactsOf('e2')).map((call) => call.data as ContactLogInput)).toEqual([
      { date: today, method: 'visit', note: '腿脚不好，想申请轮椅', requestFiled: true },
    ]);
    expect(document.querySelectorAll('.tag-care-due')).toHaveLength(0);
    expect(texts('.contact-request-filed')).toEqual(['已帮她提出求助']);
  });

  it('changes her care tags', async () => {
    const entry = rosterDetail({ id: 'e2', tags: [CareTag.Elderly] });
    const fake = api()
      .on('GET', entryPath('e2'), ok(entry))
      .on('PATCH', entryPath('e2'), ok(rosterEntry({ id: 'e2', tags: [CareTag.Elderly, CareTag.Hardship], careEveryWeeks: 2 })));
    render(<RosterEntryPage />);

    fireEvent.click(await screen.findByText('修改关心标签'));
    fireEvent.click(screen.getByText('困难'));
    await typeInto('.care-weeks-input', '2');
    fireEvent.click(screen.getByText('保存'));

    await waitFor(() => expect(texts('.tag-care')).toEqual(['高龄独居', '困难']));
    expect(fake.callsTo('PATCH', entryPath('e2')).map((call) => call.data)).toEqual([
      { tags: [CareTag.Elderly, CareTag.Hardship], careEveryWeeks: 2 },
    ]);
  });

  it('lets the chair look on without changing another member’s entry', async () => {
    startSession(tokensFor(meAsChair.user));
    api(meAsChair).on('GET', entryPath('e2'), ok(rosterDetail({ id: 'e2', phone: '139****5678' })));
    render(<RosterEntryPage />);

    await screen.findByText('执委：赵春梅');
    expect(document.querySelectorAll('.open-contact-form, .open-care-settings, .remove-entry, .call-her')).toHaveLength(0);
  });
});

describe('加入联系名单', () => {
  it('shows who invites her, and joins only when she agrees', async () => {
    startSession(tokensFor(meWithHome.user));
    const accept = pathOf(ApiPaths.rosterInvitationAccept, { code: 'K7MPQ2XA' });
    const fake = api(meWithHome)
      .on('GET', pathOf(ApiPaths.rosterInvitation, { code: 'K7MPQ2XA' }), ok({ code: 'K7MPQ2XA', expiresAt: at('06-01T00:00:00'), memberName: '赵春梅', federationName: '懿路村妇联' }))
      .on('POST', accept, { statusCode: 204, data: '' });
    setRouterParams({});
    render(<JoinRosterPage />);

    await typeInto('.invitation-code', 'k7mp q2xa');
    fireEvent.click(screen.getByText('查看邀请'));
    await screen.findByText('懿路村妇联执委赵春梅邀请您加入她的联系名单');
    expect(fake.callsTo('POST', accept)).toHaveLength(0);

    fireEvent.click(screen.getByText('我同意加入'));
    await screen.findByText('已加入');
    expect(fake.callsTo('POST', accept)).toHaveLength(1);
  });
});
