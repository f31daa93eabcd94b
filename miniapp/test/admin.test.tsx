import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import {
  ApiPaths,
  ERROR_MESSAGES,
  ErrorCode,
  pathOf,
  RegionLevel,
  RoleKind,
  ServiceCategoryKey,
  type FederationDetail,
  type FailedMessageView,
  type FeedbackView,
  type HolidayCoverage,
  type HolidayEntry,
  type HolidayYear,
  type MeResponse,
  type RegionNode,
  type RoutingRuleView,
} from '@wfh/shared';
import AdminPage from '../src/packages/admin/index';
import WorkbenchPage from '../src/packages/workbench/index';
import { startSession } from '../src/api/session';
import { option, pick, pickerAround, texts, typeInto } from './support/dom';
import { fail, FakeApi, ok } from './support/fake-api';
import { meAsChair, tokensFor, yiluVillage } from './support/fixtures';
import { at, categories, legalAid } from './support/requests';
import taro, { taroStorage } from './support/taro-mock';

const COUNTY = '211221';
const TOWNSHIP = '211221100';
const VILLAGE = '211221100201';

const meAsAdmin: MeResponse = {
  user: { id: 'u-admin', displayName: '周红', nameListed: false, homeFederationId: null, isDemo: true },
  roles: [{ role: RoleKind.Admin, federationId: COUNTY, federationName: '铁岭县妇联' }],
  home: null,
};

const region = (code: string, name: string, level: RegionLevel, hasChildren = true): RegionNode => ({ code, name, level, hasChildren });
const townships = [region(TOWNSHIP, '新台子镇', RegionLevel.Township), region('211221101', '凡河镇', RegionLevel.Township)];
const villages = [region(VILLAGE, '懿路村民委员会', RegionLevel.Village, false), region('211221100202', '兴隆村民委员会', RegionLevel.Village, false)];

const rulesOf = pathOf(ApiPaths.countyRoutingRules, { id: COUNTY });
const previewOf = pathOf(ApiPaths.countyRoutingPreview, { id: COUNTY });

function api(me: MeResponse = meAsAdmin) {
  return new FakeApi()
    .on('GET', ApiPaths.me, ok(me))
    .on('GET', pathOf(ApiPaths.regionChildren, { code: COUNTY }), ok(townships))
    .on('GET', pathOf(ApiPaths.regionChildren, { code: TOWNSHIP }), ok(villages));
}

/** A wheel of names (Taro's selector Picker): its shown value is the view inside it. */
async function choose(selector: string, index: number): Promise<void> {
  fireEvent(await pickerAround(selector), new CustomEvent('change', { detail: { value: index }, bubbles: true }));
}

async function openSection(label: string) {
  render(<AdminPage />);
  fireEvent.click(await screen.findByText(label));
}

beforeEach(() => {
  taroStorage.clear();
  startSession(tokensFor(meAsAdmin.user));
});

describe('受理规则', () => {
  it('previews where a request from a village would go now, and why', async () => {
    const fake = api()
      .on('GET', rulesOf, ok([]))
      .on('POST', previewOf, ok({ ok: true, federationId: '211221', federationName: '铁岭县妇联', reason: '按受理规则：家庭暴力求助由铁岭县妇联受理' }));
    await openSection('受理规则');
    await screen.findByText('还没有规则：每类求助都按它的办理层级送到她所在的村、乡镇或县妇联。');

    const box = document.querySelector('.routing-preview')!;
    fireEvent.click(Array.from(box.querySelectorAll('.preview-category-option')).find((el) => el.textContent === '家庭暴力求助')!);
    fireEvent.click(screen.getByText('预览'));
    await screen.findByText('请选择求助类别和村（社区）');
    expect(fake.callsTo('POST', previewOf)).toHaveLength(0);

    await choose('.preview-village-township', 0);
    await choose('.preview-village-village', 0);
    await screen.findByText('已选：懿路村妇联');
    fireEvent.click(screen.getByText('预览'));

    await screen.findByText('会转到：铁岭县妇联');
    expect(texts('.preview-reason')).toEqual(['原因：按受理规则：家庭暴力求助由铁岭县妇联受理']);
    expect(fake.callsTo('POST', previewOf).map((call) => call.data)).toEqual([
      { categoryKey: ServiceCategoryKey.DomesticViolence, homeFederationId: VILLAGE },
    ]);
  });

  it('says plainly when no body would take it', async () => {
    api()
      .on('GET', rulesOf, ok([]))
      .on('POST', previewOf, ok({ ok: false, federationId: null, federationName: null, reason: '本县没有开通的妇联可以受理' }));
    await openSection('受理规则');
    const box = await waitFor(() => document.querySelector('.routing-preview')!);
    fireEvent.click(Array.from(box.querySelectorAll('.preview-category-option')).find((el) => el.textContent === '其他')!);
    await choose('.preview-village-township', 0);
    await choose('.preview-village-village', 1);
    fireEvent.click(screen.getByText('预览'));
    await screen.findByText('现在没有能受理的妇联');
    expect(texts('.preview-reason')).toEqual(['原因：本县没有开通的妇联可以受理']);
  });

  it('shows a rule that would send requests back and forth refused, in Chinese', async () => {
    const fake = api()
      .on('GET', rulesOf, ok([]))
      .on('POST', rulesOf, fail(422, ErrorCode.RoutingRuleCycle, ERROR_MESSAGES[ErrorCode.RoutingRuleCycle]));
    await openSection('受理规则');
    await screen.findByText('同一个地方、同一类求助只有一条规则，新加的会替换原来的。');

    await choose('.rule-region-township', 0);
    const form = document.querySelector('.add-rule')!;
    fireEvent.click(Array.from(form.querySelectorAll('.rule-category-option')).find((el) => el.textContent === '家庭暴力求助')!);
    // The target wheel starts with the county itself.
    await choose('.rule-target-township', 0);
    fireEvent.click(screen.getByText('添加规则', { selector: '.add-rule-submit' }));

    await screen.findByText('这条规则会让求助在两个单位之间来回转，请检查已有的规则');
    expect(fake.callsTo('POST', rulesOf).map((call) => call.data)).toEqual([
      { regionPrefix: TOWNSHIP, categoryKey: ServiceCategoryKey.DomesticViolence, targetFederationId: COUNTY, label: null },
    ]);
  });

  it('adds a rule, lists it under the place’s name, and deletes it after she confirms', async () => {
    const rule: RoutingRuleView = {
      id: 'rule-1',
      regionPrefix: TOWNSHIP,
      categoryKey: ServiceCategoryKey.DomesticViolence,
      targetFederationId: COUNTY,
      label: '家暴求助由县维权站处理',
      targetName: '铁岭县妇联',
    };
    const fake = api()
      .on('GET', rulesOf, ok([]), ok([]))
      .on('POST', rulesOf, ok(rule))
      .on('GET', pathOf(ApiPaths.region, { code: TOWNSHIP }), ok({ ...townships[0], breadcrumb: [] }))
      .on('DELETE', pathOf(ApiPaths.countyRoutingRule, { id: COUNTY, ruleId: 'rule-1' }), { statusCode: 204, data: '' });
    await openSection('受理规则');
    await screen.findByText('同一个地方、同一类求助只有一条规则，新加的会替换原来的。');

    const form = document.querySelector('.add-rule')!;
    fireEvent.click(await screen.findByText('添加规则', { selector: '.add-rule-submit' }));
    await waitFor(() =>
      expect(texts('.add-rule .form-error')).toEqual(['请选择规则管哪个乡镇或村（社区）', '请选择求助类别', '请选择由哪个妇联受理']),
    );
    await choose('.rule-region-township', 0);
    fireEvent.click(Array.from(form.querySelectorAll('.rule-category-option')).find((el) => el.textContent === '家庭暴力求助')!);
    await choose('.rule-target-township', 0);
    await typeInto('.rule-label-input', '家暴求助由县维权站处理');
    fireEvent.click(screen.getByText('添加规则', { selector: '.add-rule-submit' }));

    await waitFor(() => expect(texts('.rule-place')).toEqual(['新台子镇']));
    expect(texts('.rule-what')).toEqual(['家庭暴力求助 → 铁岭县妇联']);
    expect(fake.callsTo('POST', rulesOf)[0]!.data).toEqual({
      regionPrefix: TOWNSHIP,
      categoryKey: ServiceCategoryKey.DomesticViolence,
      targetFederationId: COUNTY,
      label: '家暴求助由县维权站处理',
    });

    fireEvent.click(screen.getByText('删除'));
    await waitFor(() => expect(fake.callsTo('DELETE', pathOf(ApiPaths.countyRoutingRule, { id: COUNTY, ruleId: 'rule-1' }))).toHaveLength(1));
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '删除这条规则？' }));
    await waitFor(() => expect(document.querySelectorAll('.rule-row')).toHaveLength(0));
  });
});

describe('职务', () => {
  const invitationsOf = (id: string) => pathOf(ApiPaths.federationRoleInvitations, { id });

  it('invites a chair for a village and shows the code large, with what she does with it', async () => {
    const fake = api()
      .on('GET', pathOf(ApiPaths.federationMembers, { id: COUNTY }), ok([]))
      .on('GET', pathOf(ApiPaths.federationMembers, { id: VILLAGE }), ok([]))
      .on(
        'POST',
        invitationsOf(VILLAGE),
        ok({ code: 'K7MPQ2XA', role: RoleKind.Chair, federationId: VILLAGE, federationName: '懿路村妇联', inviteeName: '李桂兰', expiresAt: at('06-01T00:00:00') }),
      );
    await openSection('职务');
    // The county itself comes first: only its admins can be invited there.
    await waitFor(() => expect(texts('.invite-role-option')).toEqual(['县妇联管理员']));

    await choose('.role-body-township', 1);
    await choose('.role-body-village', 0);
    await waitFor(() => expect(texts('.invite-role-option')).toEqual(['村（社区）妇联主席', '村（社区）妇联副主席', '村（社区）妇联执委']));
    fireEvent.click(screen.getByText('村（社区）妇联主席'));
    await typeInto('.invitee-name', '李桂兰');
    fireEvent.click(screen.getByText('生成邀请码'));

    await waitFor(() => expect(texts('.role-code')).toEqual(['K7MPQ2XA']));
    expect(texts('.role-code-how')).toEqual(['请她登录后在‘我的’里输入邀请码']);
    expect(texts('.role-code-expiry')).toEqual(['6月1日前有效，只能用一次。']);
    expect(fake.callsTo('POST', invitationsOf(VILLAGE)).map((call) => call.data)).toEqual([{ role: RoleKind.Chair, inviteeName: '李桂兰' }]);
    fireEvent.click(screen.getByText('复制邀请码'));
    expect(taro.setClipboardData).toHaveBeenCalledWith({ data: 'K7MPQ2XA' });
  });

  it('asks for her name before inviting', async () => {
    const fake = api().on('GET', pathOf(ApiPaths.federationMembers, { id: COUNTY }), ok([]));
    await openSection('职务');
    fireEvent.click(await screen.findByText('生成邀请码'));
    await screen.findByText('请填写她的名字');
    expect(fake.callsTo('POST', invitationsOf(COUNTY))).toHaveLength(0);
  });

  it('revokes a role from the body’s members only after she confirms', async () => {
    const members = pathOf(ApiPaths.federationMembers, { id: COUNTY });
    const revocations = pathOf(ApiPaths.federationRoleRevocations, { id: COUNTY });
    const fake = api()
      .on('GET', members, ok([{ userId: 'u-9', displayName: '孙丽', role: RoleKind.Admin, since: at('01-05T09:00:00') }]), ok([]))
      .on('POST', revocations, { statusCode: 204, data: '' });
    taro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    await openSection('职务');

    fireEvent.click(await screen.findByText('撤销职务'));
    await waitFor(() => expect(taro.showModal).toHaveBeenCalledTimes(1));
    expect(fake.callsTo('POST', revocations)).toHaveLength(0);

    fireEvent.click(screen.getByText('撤销职务'));
    await screen.findByText('这里还没有人担任职务。');
    expect(fake.callsTo('POST', revocations).map((call) => call.data)).toEqual([{ userId: 'u-9', role: RoleKind.Admin }]);
  });

  it('shows the server’s reason when the role is no longer held', async () => {
    const members = pathOf(ApiPaths.federationMembers, { id: COUNTY });
    api()
      .on('GET', members, ok([{ userId: 'u-9', displayName: '孙丽', role: RoleKind.Admin, since: at('01-05T09:00:00') }]))
      .on('POST', pathOf(ApiPaths.federationRoleRevocations, { id: COUNTY }), fail(404, ErrorCode.RoleNotHeld, ERROR_MESSAGES[ErrorCode.RoleNotHeld]));
    await openSection('职务');
    fireEvent.click(await screen.findByText('撤销职务'));
    await screen.findByText('这位同志没有这个职务');
  });
});

describe('组织', () => {
  const township: FederationDetail = { ...yiluVillage, id: TOWNSHIP, name: '新台子镇妇联', level: RegionLevel.Township, regionName: '新台子镇', breadcrumb: [] };

  it('switches a township off only after she confirms, and keeps its registered women', async () => {
    const activeOf = pathOf(ApiPaths.federationActive, { id: TOWNSHIP });
    const registeredOf = pathOf(ApiPaths.federationRegisteredWomen, { id: TOWNSHIP });
    const fake = api()
      .on('GET', pathOf(ApiPaths.federation, { id: TOWNSHIP }), ok(township))
      .on('PUT', activeOf, { statusCode: 204, data: '' })
      .on('PUT', registeredOf, { statusCode: 204, data: '' });
    await openSection('组织');

    await waitFor(() => expect(texts('.org-name')).toEqual(['新台子镇妇联', '凡河镇妇联']));
    fireEvent.click(screen.getByText('新台子镇妇联', { selector: '.org-name' }));
    await screen.findByText('状态：已开通');
    fireEvent.click(screen.getByText('停用这个妇联'));
    await screen.findByText('状态：已停用');
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '停用新台子镇妇联？' }));
    expect(fake.callsTo('PUT', activeOf).map((call) => call.data)).toEqual([{ active: false }]);

    await typeInto('.registered-women-input', '12.5');
    fireEvent.click(screen.getByText('保存人数'));
    await screen.findByText('请填0到100万之间的整数；不填就是清空');
    await typeInto('.registered-women-input', '860');
    fireEvent.click(screen.getByText('保存人数'));
    await screen.findByText('已保存');
    expect(fake.callsTo('PUT', registeredOf).map((call) => call.data)).toEqual([{ registeredWomen: 860 }]);

    fireEvent.click(screen.getByText('查看下属村（社区）'));
    await waitFor(() => expect(texts('.org-name')).toEqual(['新台子镇妇联', '懿路村妇联', '兴隆村妇联', '凡河镇妇联']));
  });
});

describe('求助类别', () => {
  const categoriesOf = pathOf(ApiPaths.countyCategories, { id: COUNTY });
  const legalAidOf = pathOf(ApiPaths.countyCategory, { id: COUNTY, key: legalAid.key });

  it('changes who handles a category and its deadlines, checked before sending', async () => {
    const changed = { ...legalAid, handlingLevel: RegionLevel.Township, firstResponseHours: 8, resolutionHours: 40 };
    const fake = api()
      .on('GET', categoriesOf, ok(categories))
      .on('PATCH', legalAidOf, ok([changed, ...categories.slice(1)]));
    await openSection('求助类别');

    await waitFor(() => expect(texts('.category-level')[0]).toBe('由村（社区）妇联办理'));
    expect(texts('.category-deadlines')[0]).toBe('16个工作小时内首次答复，80个工作小时内办结');
    fireEvent.click(screen.getAllByText('修改')[0]!);
    fireEvent.click(screen.getByText('乡镇（街道）妇联'));
    await typeInto('.first-response-hours', '0');
    fireEvent.click(screen.getByText('保存'));
    await screen.findByText('首次答复期限请填0.5到720之间的工作小时数');
    expect(fake.callsTo('PATCH', legalAidOf)).toHaveLength(0);

    await typeInto('.first-response-hours', '8');
    await typeInto('.resolution-hours', '40');
    fireEvent.click(screen.getByText('保存'));
    await waitFor(() => expect(texts('.category-level')[0]).toBe('由乡镇（街道）妇联办理'));
    expect(fake.callsTo('PATCH', legalAidOf).map((call) => call.data)).toEqual([
      { handlingLevel: RegionLevel.Township, firstResponseHours: 8, resolutionHours: 40 },
    ]);
  });
});

describe('投诉建议 at the county', () => {
  it('answers a complaint, and the answer replaces the form', async () => {
    const open: FeedbackView = {
      id: 'f1',
      kind: 'complaint',
      federationId: VILLAGE,
      federationName: '懿路村妇联',
      text: '打了三次电话都没人接',
      status: 'open',
      reply: null,
      createdAt: at('05-03T10:00:00'),
      answeredAt: null,
    };
    const replyOf = pathOf(ApiPaths.feedbackReply, { id: 'f1' });
    const fake = api()
      .on('GET', pathOf(ApiPaths.countyFeedback, { id: COUNTY }), ok([open]))
      .on('POST', replyOf, ok({ ...open, status: 'answered', reply: '已请村妇联主席今天给您回电', answeredAt: at('05-04T09:00:00') }));
    await openSection('投诉建议');

    await screen.findByText('打了三次电话都没人接');
    await typeInto('.feedback-reply-input', '已请村妇联主席今天给您回电');
    fireEvent.click(screen.getByText('答复她'));
    await screen.findByText('答复：已请村妇联主席今天给您回电');
    expect(fake.callsTo('POST', replyOf).map((call) => call.data)).toEqual([{ reply: '已请村妇联主席今天给您回电' }]);
  });
});

describe('发送失败 at the county', () => {
  it('lists messages that reached nobody with the reason in words, a masked phone and no full number', async () => {
    const failed: FailedMessageView[] = [
      {
        id: 'm1',
        kindLabel: '求助有进展',
        recipientLabel: '代为登记或未留名字的妇女',
        maskedPhone: '138****0001',
        channel: 'sms',
        reason: 'RATE_LIMITED: 她一天内已收到5条短信，这条没有再发；请打电话告诉她',
        createdAt: at('05-03T10:00:00'),
      },
    ];
    api().on('GET', pathOf(ApiPaths.countyFailedMessages, { countyId: COUNTY }), ok(failed));
    await openSection('发送失败');
    await screen.findByText('她一天内已收到5条短信，这条没有再发；请打电话告诉她');
    expect(screen.getByText('原因代码：RATE_LIMITED')).toBeTruthy();
    expect(texts('.failed-message .body-text')[0]).toContain('138****0001');
    expect(texts('.failed-message .inbox-state')).toEqual(['短信']);
  });
});

describe('节假日', () => {
  const coverageOf = (missing: number[]): HolidayCoverage => ({
    years: [2027, 2028].map((year) => ({ year, covered: !missing.includes(year), source: missing.includes(year) ? null : 'entered' })),
    missing,
  });
  const year2027 = pathOf(ApiPaths.holidayYear, { year: '2027' });
  const empty2027: HolidayYear = { year: 2027, libraryKnows: false, entries: [], enteredAt: null, enteredByName: null };
  const springFestival: HolidayEntry[] = [
    ...['06', '07', '08', '09', '10', '11', '12', '13', '14'].map((d): HolidayEntry => ({ date: `2027-02-${d}`, kind: 'holiday', name: '春节' })),
    { date: '2027-02-20', kind: 'workday', name: '春节调休' },
  ];

  async function addDays(name: string, kind: '放假' | '调休上班', from: string, until: string) {
    await typeInto('.holiday-name', name);
    fireEvent.click(await option('holiday-kind', kind));
    await pick('.holiday-from', from);
    await pick('.holiday-until', until);
    fireEvent.click(screen.getByText('加入'));
  }

  it('warns on top of the page when a year is missing, and the form enters 春节 with its 调休 Saturday', async () => {
    const fake = api()
      .on('GET', ApiPaths.holidayCoverage, ok(coverageOf([2027])), ok(coverageOf([])))
      .on('GET', year2027, ok(empty2027))
      .on('PUT', year2027, ok({ ...empty2027, entries: springFestival, enteredAt: '2027-01-04T02:00:00.000Z', enteredByName: '周红' }));
    render(<AdminPage />);
    await screen.findByText('节假日安排缺少2027年，请录入');
    expect(texts('.holiday-banner .cover-banner-days')).toEqual(['不录入的话，这些节假日会被当作工作日，求助的答复期限会算错。']);

    fireEvent.click(screen.getByText('去录入'));
    await screen.findByText('系统还没有2027年的节假日安排。请照国务院办公厅的放假通知，录入放假的日子和调休上班的日子。');
    expect(texts('.holiday-year-option')).toEqual(['2027年（缺）', '2028年']);
    expect(texts('.holiday-none')).toEqual(['2027年还没有录入任何日子。']);

    await addDays('春节', '放假', '2027-02-06', '2027-02-14');
    await waitFor(() => expect(texts('.holiday-run-days')).toEqual(['2月6日至2月14日（9天）']));
    expect(texts('.holiday-run-what')).toEqual(['春节　放假']);

    // A weekday cannot be a 调休 workday: said before anything is sent.
    await addDays('春节调休', '调休上班', '2027-02-17', '2027-02-17');
    await screen.findByText('2月17日是周三，本来就上班；调休上班日应是周六或周日，请检查');
    await addDays('春节调休', '调休上班', '2027-02-20', '2027-02-20');
    await waitFor(() => expect(texts('.holiday-run-days')).toEqual(['2月6日至2月14日（9天）', '2月20日']));
    expect(document.querySelectorAll('.holiday-add .form-error')).toHaveLength(0);
    expect(fake.callsTo('PUT', year2027)).toHaveLength(0);

    fireEvent.click(screen.getByText('保存2027年的安排'));
    await screen.findByText('已保存，2027年的答复期限从现在起按这些日子计算。');
    expect(fake.callsTo('PUT', year2027).map((call) => call.data)).toEqual([{ entries: springFestival }]);
    // The banner goes once the server says the year is covered; the form stays where she was.
    await waitFor(() => expect(document.querySelector('.holiday-banner')).toBeNull());
    expect(texts('.holiday-run-what')).toEqual(['春节　放假', '春节调休　调休上班']);
  });

  it('stops a range that ends before it starts, and a day entered twice', async () => {
    api().on('GET', ApiPaths.holidayCoverage, ok(coverageOf([2027]))).on('GET', year2027, ok(empty2027));
    render(<AdminPage />);
    fireEvent.click(await screen.findByText('去录入'));
    await screen.findByText('2027年还没有录入任何日子。');
    await addDays('春节', '放假', '2027-02-14', '2027-02-06');
    await screen.findByText('“到哪天”不能早于“从哪天”');
    await addDays('春节', '放假', '2027-02-06', '2027-02-07');
    await addDays('春节', '放假', '2027-02-07', '2027-02-08');
    await screen.findByText('2月7日录入了两次，请删去一条');
    await addDays('', '放假', '2027-02-09', '2027-02-09');
    await screen.findByText('请填写2月9日是哪个节日，例如“春节”');
    fireEvent.click(screen.getByText('删除'));
    await screen.findByText('2027年还没有录入任何日子。');
  });

  it('shows the line the server refused, in its words', async () => {
    api()
      .on('GET', ApiPaths.holidayCoverage, ok(coverageOf([2027])))
      .on('GET', year2027, ok(empty2027))
      .on(
        'PUT',
        year2027,
        fail(400, ErrorCode.ValidationFailed, ERROR_MESSAGES[ErrorCode.ValidationFailed], [
          { field: 'year', message: '只能录入今年（2028年）或明年（2029年）的节假日安排' },
        ]),
      );
    render(<AdminPage />);
    fireEvent.click(await screen.findByText('去录入'));
    await addDays('国庆节', '放假', '2027-10-01', '2027-10-01');
    fireEvent.click(await screen.findByText('保存2027年的安排'));
    await screen.findByText('只能录入今年（2028年）或明年（2029年）的节假日安排');
    await screen.findByText(ERROR_MESSAGES[ErrorCode.ValidationFailed]);
  });

  it('shows no banner when both years are known', async () => {
    api().on('GET', ApiPaths.holidayCoverage, ok({ years: [{ year: 2026, covered: true, source: 'library' }, { year: 2027, covered: true, source: 'entered' }], missing: [] }));
    render(<AdminPage />);
    await screen.findByText('铁岭县妇联');
    await waitFor(() => expect(taro.request).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringContaining(ApiPaths.holidayCoverage) })));
    expect(document.querySelector('.holiday-banner')).toBeNull();
  });
});

it('tells someone who is not a county admin that the page is not hers', async () => {
  startSession(tokensFor(meAsChair.user));
  api(meAsChair);
  render(<AdminPage />);
  await screen.findByText('县妇联管理给县妇联管理员用。您现在没有这个职务。');
});

it('is opened from a county admin’s workbench', async () => {
  api();
  render(<WorkbenchPage />);
  fireEvent.click(await screen.findByText('县妇联管理'));
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/admin/index' });
});
