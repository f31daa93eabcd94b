import { ValidationPipe, type ArgumentMetadata, type ValidationError, type ValidationPipeOptions } from '@nestjs/common';
import { ErrorCode, type FieldError } from '@wfh/shared';
import { badRequest } from '../errors/app-exception';

/**
 * class-validator speaks English; people here read Chinese. Each failed constraint becomes a plain
 * sentence naming the field, so a chair or a woman knows what to change.
 */
const MESSAGE_OF_CONSTRAINT: Record<string, (field: string) => string> = {
  whitelistValidation: (f) => `不认识的字段“${f}”，请删除后再提交`,
  isDefined: (f) => `请填写“${f}”`,
  notNull: (f) => `“${f}”不能为空值（null）；不需要时请不传这个字段`,
  notBlank: (f) => `“${f}”不能为空，请填写内容`,
  isNotEmpty: (f) => `“${f}”不能为空`,
  isString: (f) => `“${f}”应当是文字`,
  isInt: (f) => `“${f}”应当是整数`,
  isNumber: (f) => `“${f}”应当是数字`,
  isBoolean: (f) => `“${f}”应当是“是”或“否”`,
  isEnum: (f) => `“${f}”不是可选的值之一`,
  isIn: (f) => `“${f}”不是可选的值之一`,
  min: (f) => `“${f}”太小了`,
  max: (f) => `“${f}”太大了`,
  minLength: (f) => `“${f}”太短了`,
  maxLength: (f) => `“${f}”太长了，请删减`,
  length: (f) => `“${f}”的长度不对`,
  matches: (f) => `“${f}”的格式不对`,
  isUUID: (f) => `“${f}”的格式不对`,
  isLatitude: (f) => `“${f}”不是有效的纬度`,
  isLongitude: (f) => `“${f}”不是有效的经度`,
  isPhone: (f) => `“${f}”不是有效的电话号码`,
  nestedValidation: (f) => `“${f}”的内容有误`,
  isObject: (f) => `“${f}”的内容有误`,
};

/** A rule's sentence about a field, as the global pipe words it: for parsers written by hand (CompiledValidation). */
export function ruleMessage(constraint: keyof typeof MESSAGE_OF_CONSTRAINT, field: string): string {
  return MESSAGE_OF_CONSTRAINT[constraint](field);
}

/** Rules about the kind of value: when one fails, the length, range and format rules would only repeat it. */
const KIND_RULES = new Set(['isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject', 'nestedValidation']);
/** Any Chinese character: a message written into the DTO for a person is used as it is. */
const CHINESE = /[\u4e00-\u9fa5]/;

/** One field's failed rules as sentences: a single one for a missing or null value, else the kind first. */
function messagesOf(error: ValidationError, field: string): string[] {
  const constraints = error.constraints ?? {};
  const failed = Object.keys(constraints);
  if (failed.length === 0) return [];
  const own = failed.filter((constraint) => CHINESE.test(constraints[constraint]));
  if (own.length > 0) return own.map((constraint) => constraints[constraint]);
  if (failed.includes('whitelistValidation')) return [MESSAGE_OF_CONSTRAINT.whitelistValidation(field)];
  if (error.value === null) return [(failed.includes('notNull') ? MESSAGE_OF_CONSTRAINT.notNull : MESSAGE_OF_CONSTRAINT.isDefined)(field)];
  if (error.value === undefined) return [MESSAGE_OF_CONSTRAINT.isDefined(field)];
  const kind = failed.filter((constraint) => KIND_RULES.has(constraint));
  return (kind.length > 0 ? kind : failed).map((constraint) => (MESSAGE_OF_CONSTRAINT[constraint] ?? ((f: string) => `“${f}”的值不符合要求`))(field));
}

export function fieldErrorsOf(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = messagesOf(error, field).map((message) => ({ field, message }));
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}

/**
 * The forms nest three levels at most. class-transformer recurses once per level, so a body of a few
 * thousand nested brackets (well under the size limit) overflowed the stack into a 500.
 */
const MAX_DEPTH = 16;

function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * A DTO's own parser: the value the handler gets, or the fields refused, in the words fieldErrorsOf
 * uses; or null, "the rules decide": a parser may accept only the well-formed input of a busy write
 * path and leave every refusal (and anything unusual) to class-validator, whose answer is then by
 * construction the one given today.
 */
export type CompiledParser = (value: unknown) => { value: object } | { fields: FieldError[] } | null;

const COMPILED_PARSER = 'wfh:compiled-parser';

/**
 * For a hot path only: the DTO keeps its class-validator rules (OpenAPI, the fuzz tests and the
 * equivalence test read them), and the pipe runs this parser instead. class-transformer and
 * class-validator cost about a tenth of a nearest request (issue #18); a parser of eight query
 * fields costs next to nothing. Its test must prove it answers exactly as the rules do.
 */
export function CompiledValidation(parse: CompiledParser): ClassDecorator {
  return (target) => Reflect.defineMetadata(COMPILED_PARSER, parse, target);
}

class DepthLimitedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (nestedDeeperThan(value, MAX_DEPTH)) throw badRequest(ErrorCode.MalformedJson);
    const parse = metadata.metatype && (Reflect.getOwnMetadata(COMPILED_PARSER, metadata.metatype) as CompiledParser | undefined);
    if (!parse) return super.transform(value, metadata);
    const parsed = parse(value);
    if (parsed === null) return super.transform(value, metadata);
    if ('fields' in parsed) throw badRequest(ErrorCode.ValidationFailed, parsed.fields);
    return parsed.value;
  }
}

const VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  transform: true,
  transformOptions: { enableImplicitConversion: false },
  // The value tells a missing or null field from a wrong one (fieldErrorsOf); it never reaches the reply.
  validationError: { target: false, value: true },
  exceptionFactory: (errors) => badRequest(ErrorCode.ValidationFailed, fieldErrorsOf(errors)),
};

/** The one global pipe: unknown fields are refused, values converted to the DTO's types. */
export function createValidationPipe(): ValidationPipe {
  return new DepthLimitedValidationPipe(VALIDATION_OPTIONS);
}

/** The same pipe on class-validator's rules alone, ignoring CompiledValidation: what a compiled parser is tested against. */
export function createRulesOnlyValidationPipe(): ValidationPipe {
  return new ValidationPipe(VALIDATION_OPTIONS);
}
