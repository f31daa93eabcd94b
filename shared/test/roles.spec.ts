import { Actor, Permission, RoleKind, can, isOwner, roleMayBeHeldAt } from '../src/roles';

const village = '211221001001';
const siblingVillage = '211221001002';
const township = '211221001';
const otherTownship = '211221002';
const county = '211221';

const actor = (role: RoleKind, federationId: string): Actor => ({
  userId: 'u1',
  grants: [{ role, federationId }],
});

describe('can', () => {
  it.each([
    // [who, permission, target, allowed]
    [actor(RoleKind.Chair, village), Permission.ViewBodyWork, village, true],
    [actor(RoleKind.Chair, village), Permission.ViewBodyWork, siblingVillage, false],
    [actor(RoleKind.Chair, village), Permission.ViewBodyWork, township, false],
    [actor(RoleKind.Deputy, village), Permission.EditBodyProfile, village, true],
    [actor(RoleKind.Staff, township), Permission.ViewBodyWork, siblingVillage, true],
    [actor(RoleKind.Staff, township), Permission.ViewBodyWork, otherTownship, false],
    [actor(RoleKind.Staff, otherTownship), Permission.ViewBodyWork, village, false],
    [actor(RoleKind.Staff, township), Permission.ManageRoles, village, false],
    [actor(RoleKind.Admin, county), Permission.ManageRoles, village, true],
    [actor(RoleKind.Admin, county), Permission.ViewBodyWork, '211222001001', false],
    [{ userId: 'u1', grants: [] }, Permission.ViewBodyWork, village, false],
    [null, Permission.ViewBodyWork, village, false],
  ])('case %#', (who, permission, target, allowed) => {
    expect(can(who, permission, target)).toBe(allowed);
  });

  it('any one grant that reaches is enough', () => {
    const twoHats: Actor = {
      userId: 'u1',
      grants: [
        { role: RoleKind.Chair, federationId: siblingVillage },
        { role: RoleKind.Staff, federationId: township },
      ],
    };
    expect(can(twoHats, Permission.ViewBodyWork, village)).toBe(true);
  });
});

describe('roleMayBeHeldAt', () => {
  it.each([
    [RoleKind.Chair, village, true],
    [RoleKind.Chair, township, false],
    [RoleKind.Deputy, village, true],
    [RoleKind.Staff, township, true],
    [RoleKind.Staff, county, false],
    [RoleKind.Admin, county, true],
    [RoleKind.Admin, '2112', false],
  ])('%s at %s: %s', (role, federationId, allowed) => {
    expect(roleMayBeHeldAt(role, federationId)).toBe(allowed);
  });
});

describe('isOwner', () => {
  it('a woman owns only her own things', () => {
    expect(isOwner({ userId: 'a', grants: [] }, 'a')).toBe(true);
    expect(isOwner({ userId: 'a', grants: [] }, 'b')).toBe(false);
    expect(isOwner(null, 'a')).toBe(false);
  });
});
