import { createRequire } from 'node:module';
import fc from 'fast-check';
import { ServiceCategoryKey, SiteKind } from '@wfh/shared';
import { AppException } from '../../src/common/errors/app-exception';
import { createRulesOnlyValidationPipe, createValidationPipe } from '../../src/common/pipes/validation';
import { NearestQueryDto } from '../../src/modules/places/dto';
import { parseNearestQuery } from '../../src/modules/places/nearest-query.parser';

// Fastify's own query-string parser, so each case is a query exactly as the route receives it.
const parseQuery = createRequire(require.resolve('fastify'))('fast-querystring').parse as (q: string) => Record<string, unknown>;

const RULES = createRulesOnlyValidationPipe();
const APP = createValidationPipe();
const QUERY = { type: 'query' as const, metatype: NearestQueryDto, data: undefined };

/** What a woman's phone gets back: the query as the handler sees it, or the 400's field errors. */
async function answer(pipe: typeof RULES, query: Record<string, unknown>): Promise<{ value: Record<string, unknown> } | { fields: unknown }> {
  try {
    const value = (await pipe.transform(query, QUERY)) as Record<string, unknown>;
    return { value: Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) };
  } catch (error) {
    if (!(error instanceof AppException)) throw error;
    return { fields: error.fields };
  }
}

const NAMES = ['latitude', 'longitude', 'k', 'type', 'kind', 'service', 'openNow', 'radiusMetres', 'colour', 'lat', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const TEXTS = [
  ...['42.2', '123.7', '-90', '90', '-180', '180', '91', '-91', '181', '-181', '0', '-0', '1', '10', '50', '51', '2.5', '1e3', '0x10', ' 7 ', '', 'NaN', 'Infinity', '-Infinity', '1e400'],
  ...['500000', '500001', '5000', 'north', '中文', 'true', 'false', 'TRUE', '1', 'site', 'body', 'Site', 'shop', 'massage', 'null', 'undefined'],
  ...Object.values(SiteKind),
  ...Object.values(ServiceCategoryKey),
];

const pair = fc.tuple(fc.constantFrom(...NAMES), fc.oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 6 })));
/** Usually a valid origin, so that the other fields' rules are what is tested; a name may repeat. */
const queryText = fc.tuple(fc.boolean(), fc.array(pair, { maxLength: 6 })).map(([origin, pairs]) => {
  const all = origin ? [['latitude', '42.2'], ['longitude', '123.7'], ...pairs] : pairs;
  return all.map(([name, text]) => `${encodeURIComponent(name)}=${encodeURIComponent(text)}`).join('&');
});

describe('the nearest query parser', () => {
  it('answers every generated query exactly as the DTO rules do: the same values, or the same Chinese field errors in the same order', async () => {
    await fc.assert(
      fc.asyncProperty(queryText, async (text) => {
        const query = parseQuery(text);
        expect(await answer(APP, query)).toEqual(await answer(RULES, query));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['latitude=42.2&longitude=123.7&k=5&type=site&kind=womens_home&openNow=true&radiusMetres=2000', null],
    ['longitude=123.7', [{ field: 'latitude', message: '请填写“latitude”' }]],
    ['latitude=north&longitude=181', [{ field: 'latitude', message: '“latitude”应当是数字' }, { field: 'longitude', message: '“longitude”太大了' }]],
    ['colour=red&latitude=42&longitude=123&k=2.5&k=3', [{ field: 'colour', message: '不认识的字段“colour”，请删除后再提交' }, { field: 'k', message: '“k”应当是整数' }]],
    ['latitude=42&longitude=123&openNow=maybe&service=massage', [{ field: 'service', message: '“service”不是可选的值之一' }, { field: 'openNow', message: '“openNow”应当是“是”或“否”' }]],
  ])('%s → %j', async (text, fields) => {
    const reply = await answer(APP, parseQuery(text));
    if (fields === null) expect(reply).toEqual({ value: { latitude: 42.2, longitude: 123.7, k: 5, type: 'site', kind: 'womens_home', openNow: true, radiusMetres: 2000 } });
    else expect(reply).toEqual({ fields });
  });

  it('is what the global pipe runs for NearestQueryDto', () => {
    expect(Reflect.getOwnMetadataKeys(NearestQueryDto)).toContain('wfh:compiled-parser');
    expect(parseNearestQuery({ latitude: '1', longitude: '2' })).toEqual({ value: { latitude: 1, longitude: 2 } });
  });
});
