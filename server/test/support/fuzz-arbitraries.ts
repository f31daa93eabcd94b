import fc from 'fast-check';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { getMetadataStorage, isISO8601, isURL, isUUID } from 'class-validator';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
// class-transformer keeps its @Type() registry here; it ships the types apart from the code.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };
import { acceptsNull } from '../../src/common/pipes/dto-decorators';
import { createValidationPipe } from '../../src/common/pipes/validation';
import type { RouteEntry } from './route-table';

/**
 * Generators of hostile input for the fuzz spec, derived from the DTO classes the controllers declare:
 * a new route or a new field is fuzzed the moment it exists, with no list to keep up to date.
 */

/** The request body limit of src/bootstrap.ts. */
export const BODY_LIMIT = 128 * 1024;

export const SQL_PAYLOADS = [
  "' OR '1'='1",
  "1; DROP TABLE service_request; --",
  "' UNION SELECT password FROM mysql.user --",
  "\\'; SELECT SLEEP(5); --",
  '%27%20OR%201=1',
  "admin'/*",
];

export const HTML_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "javascript:alert('x')",
  '{{constructor.constructor("alert(1)")()}}',
  '<iframe src="data:text/html,<script>alert(1)</script>">',
];

export const UNICODE_PAYLOADS = [
  '\uD800', // a lone high surrogate
  '\uDFFF', // a lone low surrogate
  'abc\uD83D', // a pair cut in half
  '\u202E\u0644\u0627 RTL override \u202C',
  'zero\u200Bwidth\u200D\uFEFF',
  '👩‍👩‍👧‍👦🇨🇳🏳️‍🌈',
  'nul\u0000byte',
  '\u0001\u0007\u001B[31m',
  'e\u0301\u0301\u0301', // stacked combining marks
  '\r\n\t',
  '𠮷野家',
];

export const FORMULA_PAYLOADS = ['=1+1', '+SUM(A1:A9)', '-2+3', '@cmd', '\t=x', '\r=x', '=HYPERLINK("http://evil.example","点我")'];

const HOSTILE = [...SQL_PAYLOADS, ...HTML_PAYLOADS, ...UNICODE_PAYLOADS, ...FORMULA_PAYLOADS];

/** Keys that poison prototypes when a parser or a merge trusts them. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];

/** Any hostile text: the fixed payloads, mixed with random text of every kind of code unit. */
export function hostileText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...HOSTILE),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.tuple(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 10 }), fc.constantFrom(...HOSTILE)).map((parts) => parts.join('')),
  );
}

/** Text of exactly `length` characters of the Basic Multilingual Plane (no surrogates), so length is unambiguous. */
function textOfLength(length: number): fc.Arbitrary<string> {
  return fc.constantFrom('村', 'a', '<', "'", '9').map((unit) => unit.repeat(length));
}

/** A value JSON.stringify cannot express but a raw body can: `1e400` (Infinity), `-0`, a huge integer. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a generated value, with RawJson tokens inlined and PROTO_KEYS emitted as real keys. */
export function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0000raw${raws.length - 1}\u0000`;
    }
    return v;
  });
  return (text ?? 'null').replace(/"\\u0000raw(\d+)\\u0000"/g, (_, i: string) => raws[Number(i)]);
}

// ---- what the DTOs declare ----

interface Rule {
  name: string;
  constraints: unknown[];
  each: boolean;
}

export interface FieldSpec {
  name: string;
  /** Values for which the field's rules are skipped (IsOptional, ValidateIf). */
  skips: (value: unknown) => boolean;
  rules: Rule[];
  nested: (new () => object) | null;
  has(name: string): boolean;
  rule(name: string): Rule | undefined;
}

type DtoClass = new () => object;

/** The fields of a DTO class with their class-validator rules (inherited ones too). */
export function fieldsOf(dto: DtoClass): FieldSpec[] {
  const metas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const byName = new Map<string, typeof metas>();
  for (const meta of metas) byName.set(meta.propertyName, [...(byName.get(meta.propertyName) ?? []), meta]);
  return [...byName.entries()].map(([name, list]) => {
    const conditions = list.filter((m) => m.type === 'conditionalValidation').map((m) => m.constraints[0] as (o: object, v: unknown) => boolean);
    const rules = list
      .filter((m) => m.type === 'customValidation' || m.type === 'nestedValidation')
      .map((m) => ({ name: m.type === 'nestedValidation' ? 'nested' : (m.name ?? ''), constraints: m.constraints ?? [], each: m.each === true }));
    const typeMeta = defaultMetadataStorage.findTypeMetadata(dto, name);
    const nestedType = typeMeta?.typeFunction() as DtoClass | undefined;
    const nested = rules.some((r) => r.name === 'nested') && nestedType ? nestedType : null;
    return {
      name,
      skips: (value) => conditions.some((condition) => !condition({ [name]: value }, value)),
      rules,
      nested,
      has: (rule) => rules.some((r) => r.name === rule),
      rule: (rule) => rules.find((r) => r.name === rule),
    };
  });
}

/** The @Body() and @Query() classes of a route's handler, read from Nest's own metadata. */
export function argumentsOf(app: INestApplication, route: RouteEntry): { body: DtoClass | null; query: DtoClass | null } {
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as DtoClass | undefined;
      if (!type || type.name !== route.controller) continue;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, route.handler) ?? {}) as Record<string, { index: number }>;
      const paramTypes = (Reflect.getMetadata('design:paramtypes', type.prototype, route.handler) ?? []) as DtoClass[];
      const find = (kind: RouteParamtypes) => {
        const entry = Object.entries(args).find(([key]) => key.split(':')[0] === String(kind));
        return entry ? (paramTypes[entry[1].index] ?? Object) : null;
      };
      return { body: find(RouteParamtypes.BODY), query: find(RouteParamtypes.QUERY) };
    }
  }
  throw new Error(`no controller ${route.controller} for ${route.method} ${route.path}`);
}

/** True when the app's own validation pipe refuses the value: the oracle that a "broken" body is broken. */
export async function pipeRefuses(dto: DtoClass, value: unknown, type: 'body' | 'query'): Promise<boolean> {
  try {
    await PIPE.transform(value, { type, metatype: dto, data: undefined });
    return false;
  } catch {
    return true;
  }
}
const PIPE = createValidationPipe();

// ---- values that break one field ----

const NOT_STRINGS: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
  fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { minKeys: 1, maxKeys: 3 }),
  fc.constant(new RawJson('1e400')),
);

const NOT_NUMBERS: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('5', '0x10', '1e3', '', 'NaN', 'Infinity', ' 7 '),
  fc.boolean(),
  fc.constant({}),
  fc.constant([1]),
  hostileText(),
  fc.constant(new RawJson('1e400')),
  fc.constant(new RawJson('-1e400')),
);

const NOT_BOOLEANS: fc.Arbitrary<unknown> = fc.oneof(fc.constantFrom('true', 'false', 1, 0, 'yes', '', {}, []), hostileText());

/** A nested object broken somewhere inside, or not an object at all. */
function brokenNested(spec: FieldSpec, base: unknown, depth: number): fc.Arbitrary<unknown> {
  const notObjects = fc.oneof(fc.integer(), fc.boolean(), hostileText());
  if (!spec.nested || depth > 2) return notObjects;
  const inner = spec.nested;
  const sample = Array.isArray(base) ? base[0] : base;
  const brokenInner = brokenObject(inner, (sample && typeof sample === 'object' ? sample : {}) as Record<string, unknown>, depth + 1).map((b) => b.body);
  if (spec.rule('nested')?.each || Array.isArray(base)) {
    return fc.oneof(
      notObjects,
      fc.constant({}),
      fc.tuple(brokenInner, fc.nat(3)).map(([item, n]) => [...Array.from({ length: n }, () => sample ?? {}), item]),
      fc.constant([42]),
    );
  }
  return fc.oneof(notObjects, brokenInner);
}

/**
 * Values that violate at least one of the field's rules. Each candidate is checked against the app's
 * own pipe by the caller, so an odd generator choice that happens to be valid is never counted.
 */
function brokenValue(spec: FieldSpec, base: unknown, depth: number): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [];
  if (!spec.skips(undefined)) options.push(fc.constant(undefined));
  if (!spec.skips(null)) options.push(fc.constant(null));
  const maxLength = spec.rule('maxLength')?.constraints[0] as number | undefined;
  const isText = spec.has('isString') || spec.has('matches') || spec.has('isUuid') || spec.has('isIso8601') || spec.has('isUrl') || maxLength !== undefined;
  if (isText) {
    options.push(NOT_STRINGS);
    if (maxLength !== undefined) {
      options.push(fc.integer({ min: maxLength + 1, max: maxLength + 64 }).chain(textOfLength));
      // Far over the field's limit yet under the body limit: it must be the field that refuses it.
      // A long text field (a notice's body) leaves no such room past four times its limit.
      const underBodyLimit = Math.floor(BODY_LIMIT / 4);
      if (underBodyLimit > maxLength + 64) options.push(fc.integer({ min: Math.min(maxLength * 4, underBodyLimit), max: underBodyLimit }).chain(textOfLength));
    }
    if (spec.has('isNotEmpty') || spec.has('minLength')) options.push(fc.constant(''));
    const pattern = spec.rule('matches')?.constraints[0] as RegExp | undefined;
    if (pattern) {
      const nearMiss = fc.stringMatching(pattern).chain((ok) => fc.constantFrom(`${ok}\n`, ` ${ok}`, `${ok}0`, `${ok}${HOSTILE[0]}`, ok.slice(1)));
      options.push(fc.oneof(hostileText(), nearMiss).filter((s) => !pattern.test(s)));
    }
    if (spec.has('isUuid')) options.push(fc.oneof(hostileText(), fc.uuid().map((u) => `${u}'`)).filter((s) => !isUUID(s)));
    if (spec.has('isIso8601')) options.push(fc.oneof(hostileText(), fc.constantFrom('2026-13-45T99:99:99Z', '明天上午', '2026-02-30T00:00:00Z')).filter((s) => !isISO8601(s, { strict: true })));
    if (spec.has('isUrl')) options.push(fc.oneof(hostileText(), fc.constantFrom('http://example.com/a.jpg', "javascript:alert(1)", 'data:text/html,<script>alert(1)</script>', '//evil.example/x')).filter((s) => !isURL(s, { protocols: ['https'], require_protocol: true })));
  }
  const values = (spec.rule('isEnum')?.constraints[1] ?? spec.rule('isIn')?.constraints[0]) as unknown[] | undefined;
  if (values && !spec.rule('isEnum')?.each) options.push(fc.oneof(hostileText(), fc.integer(), fc.constant(String(values[0]).toUpperCase())).filter((v) => !values.includes(v)));
  if (spec.has('isInt') || spec.has('isNumber')) {
    options.push(NOT_NUMBERS);
    const min = spec.rule('min')?.constraints[0] as number | undefined;
    const max = spec.rule('max')?.constraints[0] as number | undefined;
    if (min !== undefined) options.push(fc.oneof(fc.constant(min - 1), fc.integer({ min: -1e9, max: Math.ceil(min) - 1 }), fc.constant(-Number.MAX_VALUE)));
    if (max !== undefined) options.push(fc.oneof(fc.constant(max + 1), fc.integer({ min: Math.floor(max) + 1, max: 2 ** 53 }), fc.constant(new RawJson('9'.repeat(400)))));
    if (spec.has('isInt')) options.push(fc.constantFrom(1.5, 2.000001));
  }
  if (spec.has('isBoolean')) options.push(NOT_BOOLEANS);
  if (spec.has('isObject')) options.push(fc.oneof(fc.constant([]), hostileText(), fc.integer(), fc.boolean()));
  if (spec.has('isArray')) {
    options.push(fc.oneof(hostileText(), fc.integer(), fc.constant({ 0: 'a', length: 1 })));
    const maxSize = spec.rule('arrayMaxSize')?.constraints[0] as number | undefined;
    const sample = Array.isArray(base) && base.length > 0 ? base[0] : undefined;
    if (maxSize !== undefined && sample !== undefined) options.push(fc.constant(Array.from({ length: maxSize + 1 }, (_, i) => (typeof sample === 'string' ? sample : { ...(sample as object), i }))));
    if (spec.has('arrayUnique') && sample !== undefined) options.push(fc.constant([sample, sample]));
    if (spec.rules.some((r) => r.each && r.name !== 'nested')) options.push(fc.tuple(hostileText(), fc.integer()).map(([s, n]) => [...(Array.isArray(base) ? base : []), s, n]));
  }
  if (spec.has('nested')) options.push(brokenNested(spec, base, depth));
  if (options.length === 0) options.push(NOT_STRINGS);
  return fc.oneof(...options);
}

/** Text that stays valid for a free-text field: hostile payloads within its length limit. */
function hostileButValid(spec: FieldSpec): fc.Arbitrary<string> | null {
  const plainText = spec.has('isString') && !spec.has('matches') && !spec.has('isUuid') && !spec.has('isIso8601') && !spec.has('isUrl') && !spec.has('isEnum') && !spec.has('isIn');
  if (!plainText) return null;
  const max = (spec.rule('maxLength')?.constraints[0] as number | undefined) ?? 200;
  return hostileText().filter((s) => s.length > 0 && [...s].length <= max && s.trim().length > 0);
}

export interface BrokenBody {
  body: unknown;
  /** What was broken, for the counterexample. */
  why: string;
}

/** The base with one field broken, other free-text fields sometimes swapped for hostile (still valid) text. */
function brokenObject(dto: DtoClass, base: Record<string, unknown>, depth = 0): fc.Arbitrary<BrokenBody> {
  const fields = fieldsOf(dto);
  const known = new Set(fields.map((f) => f.name));
  const unknownKey = fc.oneof(
    fc.constantFrom('isAdmin', 'role', 'id', 'userId', 'federationId ', 'toString', 'hasOwnProperty', 'valueOf'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  ).filter((key) => !known.has(key) && !PROTO_KEYS.includes(key));
  const breaks: fc.Arbitrary<BrokenBody>[] = [
    fc.tuple(unknownKey, fc.oneof(hostileText(), fc.integer(), fc.constant({ polluted: true }))).map(([key, value]) => ({ body: { ...base, [key]: value }, why: `unknown field ${JSON.stringify(key)}` })),
  ];
  for (const spec of fields) {
    breaks.push(brokenValue(spec, base[spec.name], depth).map((value) => {
      const body = { ...base, [spec.name]: value };
      if (value === undefined) delete body[spec.name];
      return { body, why: `${spec.name} ← ${shown(value)}` };
    }));
  }
  const decorations = fields.map((spec) => ({ spec, text: hostileButValid(spec) })).filter((d) => d.text !== null);
  const decorate = decorations.length === 0 ? fc.constant({}) : fc.record(Object.fromEntries(decorations.map((d) => [d.spec.name, d.text!])), { requiredKeys: [] });
  return fc.tuple(fc.oneof(...breaks), decorate, fc.boolean()).map(([broken, extra, useExtra]) => {
    if (!useExtra || typeof broken.body !== 'object' || broken.body === null) return broken;
    const merged: Record<string, unknown> = { ...(broken.body as Record<string, unknown>) };
    // Only fields the break left alone, so the break stays the reason for refusal.
    for (const [key, value] of Object.entries(extra)) if (key in merged && !broken.why.startsWith(`${key} ←`)) merged[key] = value;
    return { body: merged, why: broken.why };
  });
}

function shown(value: unknown): string {
  if (value instanceof RawJson) return `raw ${value.text.slice(0, 20)}`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 40)}… (${text.length} chars)` : text;
}

/** An object body that breaks the DTO: one field broken, or the whole thing not an object. */
export function brokenBody(dto: DtoClass, base: Record<string, unknown>): fc.Arbitrary<BrokenBody> {
  const hasRequired = fieldsOf(dto).some((f) => !f.skips(undefined));
  // Nest reads a null body as no fields at all: only a form with a required field must refuse it.
  const notObjects: unknown[] = [42, 'text', true, [], [base], ...(hasRequired ? [null] : [])];
  return fc.oneof(
    { weight: 8, arbitrary: brokenObject(dto, base) },
    { weight: 1, arbitrary: fc.constantFrom(...notObjects).map((body) => ({ body, why: `body ${shown(body)}` })) },
  );
}

// ---- every field of a form, broken one way at a time ----

export type FieldBreakKind = 'null' | 'missing' | 'wrong type' | 'empty' | 'over-long' | 'invalid UTF-8';

export interface FieldBreak {
  /** The field as a refusal names it: `title`, `contact.phone`, `openingHours.0.opens`. */
  path: string;
  /** The field's DTO and name, for a finding: `UpdateSiteDto.phone`. */
  field: string;
  kind: FieldBreakKind;
  /** What is sent: JSON text (RawJson inlined) or raw bytes. */
  payload: string | Buffer;
  why: string;
  /** The form's rules refuse it (a 400 naming the field, nothing stored); false: null where @Nullable(), the service decides. */
  ruled: boolean;
  /** The rest of the body is valid, so the refusal must name this field and nothing else. */
  alone: boolean;
}

type JsonKind = 'string' | 'number' | 'boolean' | 'array' | 'object';

/** The JSON type a field's rules ask for, or null when they do not say. */
function kindOf(spec: FieldSpec): JsonKind | null {
  if (spec.has('isArray') || spec.rule('nested')?.each) return 'array';
  if (spec.has('nested') || spec.has('isObject')) return 'object';
  if (spec.has('isBoolean')) return 'boolean';
  if (spec.has('isInt') || spec.has('isNumber') || spec.has('min') || spec.has('max')) return 'number';
  const values = (spec.rule('isEnum')?.constraints[1] ?? spec.rule('isIn')?.constraints[0] ?? (spec.has('equals') ? [spec.rule('equals')!.constraints[0]] : undefined)) as unknown[] | undefined;
  if (values && values.length > 0) {
    const kinds = new Set(values.map((value) => typeof value));
    return kinds.size === 1 && (kinds.has('string') || kinds.has('number') || kinds.has('boolean')) ? ([...kinds][0] as JsonKind) : null;
  }
  if (['isString', 'matches', 'isUuid', 'isIso8601', 'isUrl', 'maxLength', 'minLength', 'notBlank', 'isNotEmpty'].some((rule) => spec.has(rule))) return 'string';
  return null;
}

/** One value of every JSON type but the field's own. */
const WRONG_TYPES: Record<JsonKind, unknown[]> = {
  string: [42, true, {}, ['文字']],
  number: ['5', true, {}, [1]],
  boolean: ['true', 1, {}, []],
  array: ['文字', 1, {}],
  object: ['文字', 1, [], true],
};

/** Byte sequences that are not UTF-8: a bad continuation, a stray one, overlong, a surrogate, 0xFF, a cut-off character. */
const INVALID_UTF8 = [[0xc3, 0x28], [0xa0, 0xa1], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xe6, 0x9d]].map((bytes) => Buffer.from(bytes));
const UTF8_MARK = '\u0000invalid-utf8\u0000';

/** The JSON text of `body` with the string UTF8_MARK replaced by raw invalid bytes. */
function withInvalidBytes(body: unknown, bytes: Buffer): Buffer {
  const [before, after] = toJsonText(body).split(JSON.stringify(UTF8_MARK).slice(1, -1));
  return Buffer.concat([Buffer.from(before, 'utf8'), bytes, Buffer.from(after, 'utf8')]);
}

/** Copies `object` with `name` set to `value`, or left out when `value` is undefined. */
function withField(object: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> {
  const copy = { ...object };
  if (value === undefined) delete copy[name];
  else copy[name] = value;
  return copy;
}

/**
 * For every field of the form (nested ones too), read from its class-validator rules: null, left out
 * (when required), each wrong JSON type, '' (text), over-long text or lists, and invalid UTF-8, each on
 * top of the valid `base`. A field added to a DTO is broken here without touching any test.
 */
export function fieldBreaks(dto: DtoClass, base: Record<string, unknown>, baseValid: boolean): FieldBreak[] {
  const breaks: FieldBreak[] = [];
  const walk = (form: DtoClass, sample: Record<string, unknown>, path: string[], place: (inner: Record<string, unknown>) => unknown, alone: boolean) => {
    for (const spec of fieldsOf(form)) {
      const at = [...path, spec.name].join('.');
      const field = `${form.name}.${spec.name}`;
      const put = (value: unknown) => place(withField(sample, spec.name, value));
      const add = (kind: FieldBreakKind, value: unknown, ruled = true) =>
        breaks.push({ path: at, field, kind, payload: toJsonText(put(value)), why: `${at} ← ${shown(value)}`, ruled, alone });
      // Refused unless the DTO says, with @Nullable(), that null means something there: the rules' own skipping is not trusted.
      add('null', null, !acceptsNull(form, spec.name));
      if (!spec.skips(undefined)) add('missing', undefined);
      const kind = kindOf(spec);
      for (const value of kind ? WRONG_TYPES[kind] : []) add('wrong type', value);
      const own = sample[spec.name];
      if (kind === 'string') {
        add('empty', '');
        add('empty', ' \u3000 ');
        const maxLength = spec.rule('maxLength')?.constraints[0] as number | undefined;
        // Just past the limit where there is one; where there is none, far more than any column holds.
        add('over-long', '村'.repeat(maxLength !== undefined ? maxLength + 1 : 20_000));
      }
      const maxSize = spec.rule('arrayMaxSize')?.constraints[0] as number | undefined;
      if (kind === 'array' && Array.isArray(own) && own.length > 0) {
        if (maxSize !== undefined) add('over-long', Array.from({ length: maxSize + 1 }, () => own[0]));
        add('wrong type', [null]);
        add('wrong type', [[]]);
        add('wrong type', [...own, 42]);
      }
      const bytes = INVALID_UTF8[breaks.length % INVALID_UTF8.length];
      breaks.push({ path: at, field, kind: 'invalid UTF-8', payload: withInvalidBytes(put(UTF8_MARK), bytes), why: `${at} ← bytes ${bytes.toString('hex')}`, ruled: true, alone });
      if (spec.nested) {
        const item = Array.isArray(own) ? own[0] : own;
        const inner = item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
        const innerAlone = alone && inner === item;
        if (kind === 'array') {
          const rest = Array.isArray(own) ? own.slice(1) : [];
          walk(spec.nested, inner, [...path, spec.name, '0'], (changed) => put([changed, ...rest]), innerAlone);
        } else {
          walk(spec.nested, inner, [...path, spec.name], (changed) => put(changed), innerAlone);
        }
      }
    }
  };
  walk(dto, base, [], (body) => body, baseValid);
  return breaks;
}

// ---- bodies that are not JSON at all ----

export interface RawBody {
  payload: string | Buffer;
  contentType: string | null;
  why: string;
  /** Parses as JSON: refused by a route with a body form, but a route without one rightly ignores it. */
  parses?: boolean;
}

/** JSON nested deeper than any form: `{"a":{"a":…}}` or `[[[…]]]`. */
function deeplyNested(depth: number, arrays: boolean): string {
  return arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/**
 * Bodies the JSON parser or the pipe must refuse whatever the route: broken syntax, other content types,
 * prototype-poisoning keys, nesting, and sizes around the 128 KB limit.
 */
export function rawGarbage(base: Record<string, unknown>): fc.Arbitrary<RawBody> {
  const json = 'application/json';
  const baseText = JSON.stringify(base);
  return fc.oneof(
    fc.constantFrom('{', '{"a":', '{"a":1,}', "{'a':1}", '{"a":undefined}', '[1,2', 'nul', '{"a":1}}', '\u0000', '{"a":"\\x41"}').map((payload) => ({ payload, contentType: json, why: `malformed ${payload}` })),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }).filter((s) => !isJson(s)).map((payload) => ({ payload, contentType: json, why: 'random text as JSON' })),
    fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => Buffer.from(bytes)).filter((b) => !isJson(b.toString('utf8'))).map((payload) => ({ payload, contentType: json, why: 'random bytes' })),
    fc.constant({ payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), contentType: json, why: 'invalid UTF-8 in a string' }),
    fc.constant({ payload: '', contentType: json, why: 'empty body as JSON' }),
    fc.constant({ payload: '\uFEFF{"zz":1}', contentType: json, why: 'a byte-order mark, then an unknown field', parses: true }),
    fc.constantFrom('application/xml', 'multipart/form-data; boundary=x', 'application/json-patch+json', 'text/html', 'application/octet-stream')
      .map((contentType) => ({ payload: baseText, contentType, why: `content type ${contentType}` })),
    // The app parses these two: text becomes a string (not a form), a urlencoded form brings an unknown field.
    fc.constant({ payload: baseText, contentType: 'text/plain', why: 'content type text/plain', parses: true }),
    fc.constantFrom('a=1&__proto__[polluted]=1', 'zz=1&constructor[prototype][polluted]=1', `zz=1&${new URLSearchParams(base as Record<string, string>).toString()}`)
      .map((payload) => ({ payload, contentType: 'application/x-www-form-urlencoded', why: `form ${payload.slice(0, 40)}`, parses: true })),
    fc.constantFrom(
      `{"__proto__":{"polluted":true},${baseText.slice(1)}`,
      `{"constructor":{"prototype":{"polluted":true}},${baseText.slice(1)}`,
      `{"a":{"__proto__":{"polluted":true}}}`,
      `[{"__proto__":{"polluted":true}}]`,
      `{"x":{"constructor":{"prototype":{"polluted":true}}}}`,
    ).map((payload) => ({ payload, contentType: json, why: `prototype poisoning ${payload.slice(0, 40)}` })),
    // Nest strips these keys itself, so alone they leave a valid body: a route with a form still refuses the unknown field.
    fc.constantFrom(`{"prototype":{"polluted":true},"zz":1}`, `{"constructor":{"polluted":true},"zz":1}`, `{"toString":"x","zz":1}`)
      .map((payload) => ({ payload, contentType: json, why: `prototype keys ${payload.slice(0, 40)}`, parses: true })),
    fc.tuple(fc.integer({ min: 200, max: 20_000 }), fc.boolean()).map(([depth, arrays]) => ({ payload: deeplyNested(depth, arrays), contentType: json, why: `nested ${depth} deep`, parses: true })),
    fc.integer({ min: BODY_LIMIT + 1, max: BODY_LIMIT + 4096 }).map((size) => ({ payload: `{"x":"${'a'.repeat(size)}"}`, contentType: json, why: `${size} bytes` })),
  );
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

// ---- query strings ----

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) is sent as the three bytes a
 * careless client would send for it: invalid UTF-8 the server must survive.
 */
export function encodeLoosely(text: string): string {
  return text.replace(/[\uD800-\uDFFF]/g, (unit, i: number) => {
    const code = unit.charCodeAt(0);
    const paired = code < 0xdc00 ? /[\uDC00-\uDFFF]/.test(text[i + 1] ?? '') : /[\uD800-\uDBFF]/.test(text[i - 1] ?? '');
    return paired ? unit : `\u0000lone${code}\u0000`;
  }).split(/\u0000lone(\d+)\u0000/).map((part, i) => {
    if (i % 2 === 0) return encodeURIComponent(part);
    const code = Number(part);
    return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
  }).join('');
}

/** A query string with one parameter broken (or unknown, repeated, or badly encoded). */
export function brokenQuery(dto: DtoClass, base: Record<string, string>): fc.Arbitrary<{ query: string; why: string }> {
  const fields = fieldsOf(dto);
  const encode = (pairs: Array<[string, string]>) => pairs.map(([k, v]) => `${encodeLoosely(k)}=${encodeLoosely(v)}`).join('&');
  const baseWithout = (name: string) => Object.entries(base).filter(([k]) => k !== name);
  const breaks: fc.Arbitrary<{ query: string; why: string }>[] = [
    fc.tuple(fc.string({ minLength: 1, maxLength: 10 }).filter((k) => !fields.some((f) => f.name === k) && !PROTO_KEYS.includes(k.trim())), hostileText())
      .map(([key, value]) => ({ query: encode([...Object.entries(base), [key, value]]), why: `unknown parameter ${JSON.stringify(key)}` })),
  ];
  for (const spec of fields) {
    const value = fc.oneof(
      hostileText(),
      fc.constantFrom('', ' ', '-1', '0', '1.5', '1e400', 'NaN', 'Infinity', '-0', 'true', '[object Object]', '9'.repeat(400), '2026-02-30', '9999-99-99'),
      fc.integer({ min: 0, max: 3 }).chain((n) => textOfLength(20 + n * 1000)),
    );
    breaks.push(value.map((v) => ({ query: encode([...baseWithout(spec.name), [spec.name, v]]), why: `${spec.name}=${shown(v)}` })));
    breaks.push(fc.tuple(hostileText(), hostileText()).map(([a, b]) => ({ query: encode([...baseWithout(spec.name), [spec.name, a], [spec.name, b]]), why: `${spec.name} twice` })));
    breaks.push(fc.constantFrom('%E0%A4%A', '%', '%zz', '%00', '%C0%AF').map((bad) => ({ query: `${encode(baseWithout(spec.name))}&${spec.name}=${bad}`, why: `${spec.name}=${bad} (bad encoding)` })));
    if (!spec.skips(undefined)) breaks.push(fc.constant({ query: encode(baseWithout(spec.name)), why: `${spec.name} missing` }));
  }
  return fc.oneof(...breaks);
}

/** Ids that name nothing: wrong shapes, traversal, injection, overlong, and plausible-looking misses. */
export function garbageId(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('../../etc/passwd', '..%2f..', "1' OR '1'='1", '0', '-1', '999999999999', 'null', 'undefined', '[object Object]', ' ', '%00'),
    fc.uuid(),
    hostileText().filter((s) => s.length > 0),
    fc.integer({ min: 101, max: 400 }).map((n) => 'x'.repeat(n)),
  );
}
