import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ErrorCode, type FieldError } from '@wfh/shared';
import { badRequest } from '../errors/app-exception';

/**
 * class-validator speaks English; people here read Chinese. Each failed constraint becomes a plain
 * sentence naming the field, so a chair or a woman knows what to change.
 */
const MESSAGE_OF_CONSTRAINT: Record<string, (field: string) => string> = {
  whitelistValidation: (f) => `不认识的字段“${f}”，请删除后再提交`,
  isDefined: (f) => `请填写“${f}”`,
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
};

export function fieldErrorsOf(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((constraint) => ({
      field,
      message: (MESSAGE_OF_CONSTRAINT[constraint] ?? ((f: string) => `“${f}”的值不符合要求`))(field),
    }));
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}

/** The one global pipe: unknown fields are refused, values converted to the DTO's types. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => badRequest(ErrorCode.ValidationFailed, fieldErrorsOf(errors)),
  });
}
