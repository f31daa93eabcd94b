import { ServiceCategoryKey, SiteKind, type FieldError, type NearestQuery } from '@wfh/shared';
import type { CompiledParser } from '../../common/pipes/validation';
import { ruleMessage } from '../../common/pipes/validation';
import { NEAREST_DEFAULTS } from './place-catalog';

/**
 * NearestQueryDto's rules as one hand-written pass over the query string, for the busiest public
 * route (issue #18). The DTO's decorators stay the rules of record (OpenAPI, fuzz tests);
 * test/unit/nearest-query-parser.spec.ts checks this parser against them on generated queries, field
 * errors and their order included. A query string's values are text, or lists of text when a name
 * repeats; whatever @Type(() => Number) and the other rules would make of them is done here.
 */

type Value = unknown;
/** A field's value as the handler gets it, or the rule it fails. */
type Outcome = { value: Value } | { fails: 'isNumber' | 'isInt' | 'min' | 'max' | 'isIn' | 'isEnum' | 'isBoolean' | 'isDefined' };

/** @Type(() => Number): Number() of the text, of each item of a list (which the kind rule then refuses). */
const toNumber = (raw: Value): Value => (Array.isArray(raw) ? raw.map(Number) : raw === null || raw === undefined ? raw : Number(raw));

function number(min: number, max: number, integer: boolean) {
  const kind = integer ? 'isInt' : 'isNumber';
  return (raw: Value): Outcome => {
    const value = toNumber(raw);
    if (typeof value !== 'number' || !(integer ? Number.isInteger(value) : Number.isFinite(value))) return { fails: kind };
    if (value < min) return { fails: 'min' };
    if (value > max) return { fails: 'max' };
    return { value };
  };
}

function oneOf(values: readonly string[], rule: 'isIn' | 'isEnum') {
  const allowed = new Set<Value>(values);
  return (raw: Value): Outcome => (allowed.has(raw) ? { value: raw } : { fails: rule });
}

const boolean = (raw: Value): Outcome => (raw === 'true' ? { value: true } : raw === 'false' ? { value: false } : { fails: 'isBoolean' });

/** In the DTO's order, which is the order of its field errors. `required` fields are not @Optional(). */
const FIELDS: Array<{ name: keyof NearestQuery; required: boolean; parse: (raw: Value) => Outcome }> = [
  { name: 'latitude', required: true, parse: number(-90, 90, false) },
  { name: 'longitude', required: true, parse: number(-180, 180, false) },
  { name: 'k', required: false, parse: number(1, NEAREST_DEFAULTS.maxK, true) },
  { name: 'type', required: false, parse: oneOf(['site', 'body'], 'isIn') },
  { name: 'kind', required: false, parse: oneOf(Object.values(SiteKind), 'isEnum') },
  { name: 'service', required: false, parse: oneOf(Object.values(ServiceCategoryKey), 'isEnum') },
  { name: 'openNow', required: false, parse: boolean },
  { name: 'radiusMetres', required: false, parse: number(1, NEAREST_DEFAULTS.maxRadiusMetres, true) },
];
const KNOWN = new Set<string>(FIELDS.map((field) => field.name));
/**
 * Names the rules never see, so they are no unknown field either: Nest deletes `__proto__`,
 * `prototype` and `constructor`, and class-transformer skips any name an object already has from
 * Object.prototype (`toString=x` is ignored, not refused).
 */
const IGNORED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

export const parseNearestQuery: CompiledParser = (query) => {
  const given = (query ?? {}) as Record<string, Value>;
  const fields: FieldError[] = [];
  // Unknown fields first, in the order given, as class-validator's whitelist reports them.
  for (const name of Object.keys(given)) {
    if (!KNOWN.has(name) && !IGNORED.has(name)) fields.push({ field: name, message: ruleMessage('whitelistValidation', name) });
  }
  const value: Record<string, Value> = {};
  for (const { name, required, parse } of FIELDS) {
    const raw = given[name];
    if (raw === undefined && !required) continue;
    const outcome: Outcome = raw === undefined ? { fails: 'isDefined' } : parse(raw);
    if ('fails' in outcome) fields.push({ field: name, message: ruleMessage(outcome.fails, name) });
    else value[name] = outcome.value;
  }
  return fields.length > 0 ? { fields } : { value };
};
