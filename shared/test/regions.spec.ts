import {
  RegionLevel,
  ancestorRegionCodes,
  federationNameFor,
  isWithinRegion,
  parentRegionCode,
  placeNameOf,
  regionLevelOf,
} from '../src/regions';

describe('regionLevelOf', () => {
  it.each([
    ['21', RegionLevel.Province],
    ['2112', RegionLevel.City],
    ['211221', RegionLevel.County],
    ['211221001', RegionLevel.Township],
    ['211221001001', RegionLevel.Village],
    ['211', null],
    ['21122100100', null],
    ['2112210010011', null],
    ['21a2', null],
    ['', null],
    [' 2112', null],
  ])('%j is %s', (code, level) => {
    expect(regionLevelOf(code)).toBe(level);
  });
});

describe('parents and ancestors', () => {
  it.each([
    ['211221001001', '211221001'],
    ['211221001', '211221'],
    ['211221', '2112'],
    ['2112', '21'],
    ['21', null],
    ['bad', null],
  ])('parent of %j is %j', (code, parent) => {
    expect(parentRegionCode(code)).toBe(parent);
  });

  it('lists ancestors province first', () => {
    expect(ancestorRegionCodes('211221001001')).toEqual(['21', '2112', '211221', '211221001']);
    expect(ancestorRegionCodes('21')).toEqual([]);
  });
});

describe('isWithinRegion', () => {
  it.each([
    ['211221001001', '211221001', true],
    ['211221001001', '2112', true],
    ['211221001001', '211221001001', true],
    ['211221002001', '211221001', false],
    ['2112', '211221', false],
    // A prefix of the right length only: "21122" is not a code, so it reaches nothing.
    ['211221001001', '21122', false],
  ])('%j within %j: %s', (code, root, expected) => {
    expect(isWithinRegion(code, root)).toBe(expected);
  });
});

describe('names of bodies', () => {
  it.each([
    ['多福巷社区居委会', '多福巷社区'],
    ['大王庄村民委员会', '大王庄村'],
    ['前进村村委会', '前进村'],
    ['前进村委会', '前进村'],
    ['青年社区', '青年社区'],
    ['红旗居民委员会', '红旗社区'],
    ['新台子镇', '新台子镇'],
  ])('place name of %j is %j', (name, place) => {
    expect(placeNameOf(name)).toBe(place);
  });

  it('adds 妇联 and keeps placeholder city levels recognisable', () => {
    expect(federationNameFor('铁岭县')).toBe('铁岭县妇联');
    expect(federationNameFor('多福巷社区居委会')).toBe('多福巷社区妇联');
    expect(federationNameFor('市辖区', '北京市')).toBe('北京市市辖区妇联');
  });
});
