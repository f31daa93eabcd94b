import { checkNickname, personLabel, type PersonLabelContext } from '../src/people';

describe('personLabel', () => {
  it.each<[string | null | undefined, PersonLabelContext, string]>([
    ['王秀英', { as: 'attendee', number: 3 }, '王秀英'],
    ['  王秀英 ', { as: 'member', since: '2026-03-05T01:00:00.000Z' }, '王秀英'],
    ['王秀英', { as: 'self' }, '王秀英'],
    [null, { as: 'self' }, '我'],
    [null, { as: 'attendee', number: 3 }, '报名者 3'],
    ['', { as: 'attendee', number: 12 }, '报名者 12'],
    [undefined, { as: 'member' }, '未留姓名的成员'],
    // The day she joined in Shanghai: 2026-03-04T17:00Z is already 5 March there.
    [null, { as: 'member', since: '2026-03-04T17:00:00.000Z' }, '未留姓名的成员（2026年3月5日加入）'],
    [null, { as: 'member', since: new Date('2026-11-30T02:00:00.000Z') }, '未留姓名的成员（2026年11月30日加入）'],
    ['   ', { as: 'resident' }, '未留姓名的居民'],
    [null, { as: 'requester' }, '求助的居民'],
  ])('%j as %j → %s', (name, context, label) => {
    expect(personLabel(name, context)).toBe(label);
  });

  it('never shows a placeholder or anything of the person when she has no name', () => {
    const contexts: PersonLabelContext[] = [{ as: 'self' }, { as: 'attendee', number: 1 }, { as: 'member', since: '2026-01-01T00:00:00Z' }, { as: 'resident' }, { as: 'requester' }];
    for (const context of contexts) expect(personLabel(null, context)).not.toMatch(/微信用户|\d{4,}(?!年)/);
  });
});

describe('checkNickname', () => {
  it.each([
    ['王大姐', '王大姐'],
    ['  王秀英  ', '王秀英'],
    ['秀', '秀'],
    ['阿红🌸', '阿红🌸'],
    // 20 characters, counted as she sees them (an emoji is one).
    ['一二三四五六七八九十一二三四五六七八九🌸', '一二三四五六七八九十一二三四五六七八九🌸'],
  ])('accepts %j as %j', (raw, nickname) => {
    expect(checkNickname(raw)).toEqual({ ok: true, nickname });
  });

  it.each([
    ['', '请填写您的称呼'],
    ['   ', '请填写您的称呼'],
    ['一二三四五六七八九十一二三四五六七八九十一', '不超过20个字'],
    ['王\n秀英', '不能有换行'],
    ['王\t秀英', '不能有换行'],
    ['王\u202E秀英', '看不见的符号'],
    ['微信用户', '不是称呼'],
    [' 微信用户 ', '不是称呼'],
    ['WeChat User', '不是称呼'],
    ['我', '不是称呼'],
    ['报名者 3', '不是称呼'],
    ['未留姓名的成员', '不是称呼'],
  ])('refuses %j in words she can act on', (raw, words) => {
    const check = checkNickname(raw);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toContain(words);
  });
});
