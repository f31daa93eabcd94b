import type { Type } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import { Type as TransformTo } from 'class-transformer';
import { textLength, tooLongMessage } from '@wfh/shared';
import { IsObject, MaxLength, ValidateBy, ValidateIf, ValidateNested, ValidationTypes, getMetadataStorage } from 'class-validator';

/**
 * How a write DTO says what may be left out. class-validator's IsOptional() skips every rule for
 * null as well as for a missing field, so `{"title": null}` passed validation and reached a NOT NULL
 * column as a 500. Here the two are separate: @Optional() means "may be absent, never null", and
 * @Nullable() says, at the field, that null is a value with a meaning ("clears it", "none"), which
 * the service stores as null. test/unit/dto-null-policy.spec.ts fails for any route's DTO field that
 * lets null through without @Nullable(), so IsOptional() and a plain PartialType() cannot come back.
 */

const present = (_: object, value: unknown): boolean => value !== undefined;
const notNull = (_: object, value: unknown): boolean => value !== null;

// A rule of its own, so null is refused (in its own words) even beside a rule that would accept it.
const refuseNull = (): PropertyDecorator => ValidateBy({ name: 'notNull', validator: { validate: (value) => value !== null } });

/** May be left out; when given, every rule applies, and null is refused. */
export function Optional(): PropertyDecorator {
  const skipWhenAbsent = ValidateIf(present);
  const notNullRule = refuseNull();
  return (target, property) => {
    skipWhenAbsent(target, property);
    notNullRule(target, property);
  };
}

/** null is accepted as a value with a meaning: describe that meaning in the field's @ApiProperty. */
export function Nullable(): PropertyDecorator {
  return ValidateIf(notNull);
}

/** Text a person must write: empty or only spaces (full-width ones too) is refused. */
export function NotBlank(): PropertyDecorator {
  return ValidateBy({ name: 'notBlank', validator: { validate: (value) => typeof value === 'string' && value.trim().length > 0 } });
}

/**
 * A form inside the form (`each`: a list of them), checked by its own DTO's rules. ValidateNested()
 * alone lets a missing value, `[]` and `[[]]` through untouched (it only looks inside objects), and
 * the service then met an array where it expected her contact: IsObject() refuses them first.
 */
export function NestedForm(form: () => Function, options: { each?: boolean } = {}): PropertyDecorator {
  const decorators = [IsObject({ each: options.each }), ValidateNested({ each: options.each }), TransformTo(form)];
  return (target, property) => {
    for (const decorate of decorators) decorate(target, property);
  };
}

/** Every field of `dto` may be left out of a PATCH, as if @Optional(); null only where `dto` says @Nullable(). */
export function PartialInput<T>(dto: Type<T>): Type<Partial<T>> {
  // skipNullProperties: false makes Nest's PartialType skip a field only when it is absent.
  const partial = PartialType(dto, { skipNullProperties: false });
  const notNullRule = refuseNull();
  const properties = new Set(getMetadataStorage().getTargetValidationMetadatas(partial, '', true, false).map((meta) => meta.propertyName));
  for (const property of properties) notNullRule(partial.prototype, property);
  return partial;
}

/** Whether the field is @Nullable() (inherited and mapped types included). */
export function acceptsNull(dto: Function, property: string): boolean {
  return getMetadataStorage()
    .getTargetValidationMetadatas(dto, '', true, false)
    .some((meta) => meta.propertyName === property && meta.type === ValidationTypes.CONDITIONAL_VALIDATION && meta.constraints[0] === notNull);
}

/**
 * Text a person writes, at most `limit` characters, refused in words that name the field as she knows
 * it ("求助内容最多 2,000 字，现在 5,000 字，请删短一些"): a generic "description is too long" pointed
 * nowhere on her screen. For a value that is not text at all the message stays class-validator's own
 * English, so the pipe says the kind is wrong (isString) rather than the length.
 */
export function MaxChars(limit: number, label: string): PropertyDecorator {
  return MaxLength(limit, {
    message: ({ value }) => (typeof value === 'string' ? tooLongMessage(label, limit, textLength(value)) : 'maxLength'),
  });
}
