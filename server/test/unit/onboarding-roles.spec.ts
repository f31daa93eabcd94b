import { RegionLevel, RoleKind, ServiceCategoryKey, SiteKind } from '@wfh/shared';
import { readRole, readServices, readSiteKind, writeServices } from '../../src/modules/onboarding/vocabulary';

describe('the words counties write for roles', () => {
  it.each([
    ['主席', RegionLevel.Village, RoleKind.Chair],
    ['村妇联主席', RegionLevel.Village, RoleKind.Chair],
    ['社区妇联主席（兼）', RegionLevel.Village, RoleKind.Chair],
    ['妇女主任', RegionLevel.Village, RoleKind.Chair],
    ['副主席', RegionLevel.Village, RoleKind.Deputy],
    ['执委', RegionLevel.Village, RoleKind.Executive],
    ['妇女代表', RegionLevel.Village, RoleKind.Executive],
    ['专干', RegionLevel.Township, RoleKind.Staff],
    ['街道妇联工作人员', RegionLevel.Township, RoleKind.Staff],
    ['乡镇（街道）妇联工作人员', RegionLevel.Township, RoleKind.Staff],
    ['管理员', RegionLevel.County, RoleKind.Admin],
    ['县妇联管理员', RegionLevel.County, RoleKind.Admin],
  ])('%s at a %s body is %s', (word, level, role) => {
    expect(readRole(word, level)).toEqual({ ok: true, value: role, warning: undefined });
  });

  it("takes a township's 主席 as its staff, and says so", () => {
    expect(readRole('主席', RegionLevel.Township)).toEqual({ ok: true, value: RoleKind.Staff, warning: expect.stringContaining('按“工作人员”登记') });
  });

  it('refuses an unknown word, listing the words it takes', () => {
    const reading = readRole('妇联委员', RegionLevel.Village);
    expect(reading).toEqual({ ok: false, message: expect.stringContaining('不认识的职务“妇联委员”') });
    if (!reading.ok) for (const word of ['主席', '副主席', '执委', '妇女代表', '专干', '工作人员', '管理员']) expect(reading.message).toContain(word);
  });

  it.each([
    ['执委', RegionLevel.Township, '乡镇（街道）妇联的职务请写：工作人员'],
    ['专干', RegionLevel.Village, '村（社区）妇联的职务请写：主席、副主席、执委'],
    ['主席', RegionLevel.County, '请写“管理员”'],
    ['管理员', RegionLevel.Township, '是县（区）妇联的职务'],
  ])('refuses %s at a %s body: %s', (word, level, words) => {
    expect(readRole(word, level)).toEqual({ ok: false, message: expect.stringContaining(words) });
  });
});

describe('kinds of site and services', () => {
  it.each([
    ['妇女之家', SiteKind.WomensHome],
    ['妇女儿童维权站', SiteKind.RightsStation],
    ['巾帼微家', SiteKind.WomensMicroHome],
    ['儿童之家', SiteKind.ChildrensHome],
  ])('%s is %s', (word, kind) => {
    expect(readSiteKind(word)).toEqual({ ok: true, value: kind });
  });

  it('refuses an unknown kind with the ones it takes', () => {
    expect(readSiteKind('老年活动室')).toEqual({ ok: false, message: expect.stringContaining('妇女之家、妇女微家、妇女小组、维权站、儿童之家') });
  });

  it('reads a list in any separator, and writes the catalogue names back', () => {
    const reading = readServices('法律咨询、心理咨询，家庭教育；两癌筛查 反家暴');
    expect(reading).toEqual({
      ok: true,
      value: [ServiceCategoryKey.LegalAid, ServiceCategoryKey.Counselling, ServiceCategoryKey.FamilyEducation, ServiceCategoryKey.CancerScreening, ServiceCategoryKey.DomesticViolence],
    });
    const written = writeServices(reading.ok ? reading.value : []);
    expect(written).toBe('法律帮助与维权、家庭暴力求助、心理疏导、家庭教育指导、两癌检查与救助');
    expect(readServices(written)).toEqual({ ok: true, value: expect.arrayContaining(reading.ok ? reading.value : []) });
    expect(readServices('法律咨询、广场舞')).toEqual({ ok: false, message: expect.stringContaining('不认识的服务“广场舞”') });
  });
});
