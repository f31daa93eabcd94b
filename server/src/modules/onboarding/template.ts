import { ImportKind, RegionLevel } from '@wfh/shared';
import type { BodyDirectory } from './body-directory';
import { EXAMPLE_MARK } from './field-readers';

/**
 * The template's example rows, named after the county's own first township and village so that
 * they read as the county's sheet would. Each is marked （示例）: left in by mistake, the import
 * refuses it rather than creating a place that does not exist.
 */
export function templateRows(kind: ImportKind, directory: BodyDirectory): Record<string, string>[] {
  const county = directory.county;
  const bodies = directory.all();
  const township = bodies.find((b) => b.level === RegionLevel.Township);
  const village = bodies.find((b) => b.level === RegionLevel.Village && township && b.id.startsWith(township.id));
  const townshipName = township ? directory.placeName(township) : '新台子镇';
  const villageName = village ? directory.placeName(village) : '懿路村';
  const countyName = directory.placeName(county);
  if (kind === ImportKind.Sites) {
    return [
      {
        name: `${EXAMPLE_MARK}${villageName}妇女之家`, kind: '妇女之家', township: townshipName, body: villageName, code: '',
        address: `${townshipName}${villageName}村委会一楼`, latitude: '42.2915', longitude: '123.8421',
        hours: '周一至周五 8:30-17:30', phone: '0410-1234567', services: '法律帮助与维权、心理疏导、家庭教育指导', chair: '张主席', siteId: '',
      },
      {
        name: `${EXAMPLE_MARK}${villageName}妇女微家`, kind: '妇女微家', township: townshipName, body: villageName, code: '',
        address: `${villageName}三组`, latitude: '', longitude: '', hours: '每周六上午', phone: '', services: '其他', chair: '', siteId: '',
      },
      {
        name: `${EXAMPLE_MARK}${countyName}妇女儿童维权站`, kind: '维权站', township: '', body: countyName, code: county.id,
        address: `${countyName}妇联一楼`, latitude: '42.2230', longitude: '123.7280', hours: '工作日 8:30-11:30 13:30-17:00',
        phone: '0410-7654321', services: '法律帮助与维权、家庭暴力求助、婚姻家庭纠纷调解', chair: '', siteId: '',
      },
    ];
  }
  if (kind === ImportKind.Bodies) {
    return [
      {
        township: townshipName, body: `${EXAMPLE_MARK}${villageName}`, code: '', address: `${villageName}村委会二楼`, phone: '0410-1234567',
        hours: '周一至周五 8:30-17:00', latitude: '42.2915', longitude: '123.8421', registeredWomen: '680',
      },
      { township: `${EXAMPLE_MARK}${townshipName}`, body: '', code: '', address: `${townshipName}政府院内`, phone: '0410-2345678', hours: '周一至周五 8:30-17:00', latitude: '', longitude: '', registeredWomen: '' },
    ];
  }
  return [
    { name: `${EXAMPLE_MARK}王秀英`, phone: '138 0000 0001', township: townshipName, body: villageName, code: '', role: '主席' },
    { name: `${EXAMPLE_MARK}李桂兰`, phone: '138 0000 0002', township: townshipName, body: villageName, code: '', role: '执委' },
    { name: `${EXAMPLE_MARK}孙丽`, phone: '138 0000 0003', township: townshipName, body: townshipName, code: '', role: '专干' },
    { name: `${EXAMPLE_MARK}吴静`, phone: '138 0000 0004', township: '', body: countyName, code: county.id, role: '管理员' },
  ];
}

