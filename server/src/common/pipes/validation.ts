import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
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

class DepthLimitedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (nestedDeeperThan(value, MAX_DEPTH)) throw badRequest(ErrorCode.MalformedJson);
    return super.transform(value, metadata);
  }
}

/** The one global pipe: unknown fields are refused, values converted to the DTO's types. */
export function createValidationPipe(): ValidationPipe {
  return new DepthLimitedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The value tells a missing or null field from a wrong one (fieldErrorsOf); it never reaches the reply.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => badRequest(ErrorCode.ValidationFailed, fieldErrorsOf(errors)),
  });
}
