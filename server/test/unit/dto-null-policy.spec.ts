import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PartialType } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';
import { Nullable, Optional, PartialInput, acceptsNull } from '../../src/common/pipes/dto-decorators';
import { buildOpenApiDocument } from '../../src/openapi';
import { createDefinitionApp } from '../../src/openapi-generate';
import { argumentsOf, fieldsOf } from '../support/fuzz-arbitraries';
import { routeTable } from '../support/route-table';

type DtoClass = new () => object;

/** The body classes of every route, with the classes nested in them. */
function bodyDtos(app: NestFastifyApplication): DtoClass[] {
  const found = new Set<DtoClass>();
  const visit = (dto: DtoClass) => {
    if (found.has(dto)) return;
    found.add(dto);
    for (const field of fieldsOf(dto)) if (field.nested) visit(field.nested);
  };
  for (const route of routeTable(app)) {
    const { body } = argumentsOf(app, route);
    if (body && body !== Object) visit(body);
  }
  return [...found];
}

/** Fields whose rules are skipped for null without saying, with @Nullable(), that null means something there. */
function silentNulls(dto: DtoClass): string[] {
  return fieldsOf(dto).filter((field) => field.skips(null) && !acceptsNull(dto, field.name)).map((field) => `${dto.name}.${field.name}`);
}

describe('null in the body of a write', () => {
  let app: NestFastifyApplication;
  let dtos: DtoClass[];
  let schemas: Record<string, { properties?: Record<string, { nullable?: boolean }> }>;

  beforeAll(async () => {
    app = await createDefinitionApp();
    dtos = bodyDtos(app);
    schemas = (buildOpenApiDocument(app).components?.schemas ?? {}) as typeof schemas;
  });
  afterAll(() => app.close());

  it('is refused by every field of every route unless the field is @Nullable()', () => {
    // Far fewer would mean the route table or the DTO lookup broke, and the check below proved nothing.
    expect(dtos.length).toBeGreaterThan(40);
    expect(dtos.flatMap(silentNulls)).toEqual([]);
  });

  it('is documented as allowed (nullable: true) exactly where a field is @Nullable()', () => {
    const mismatches = dtos.flatMap((dto) =>
      fieldsOf(dto)
        .filter((field) => acceptsNull(dto, field.name) !== (schemas[dto.name]?.properties?.[field.name]?.nullable === true))
        .map((field) => `${dto.name}.${field.name}: @Nullable() ${acceptsNull(dto, field.name)}, documented nullable ${schemas[dto.name]?.properties?.[field.name]?.nullable === true}`),
    );
    expect(mismatches).toEqual([]);
  });

  it("catches class-validator's IsOptional() and a plain PartialType(), which let null through", () => {
    class Form {
      @IsOptional() @IsString() note?: string;
      @Optional() @IsString() title?: string;
      @Optional() @Nullable() @IsString() phone?: string | null;
    }
    class PlainPatch extends PartialType(Form) {}
    class Patch extends PartialInput(Form) {}

    expect(silentNulls(Form)).toEqual(['Form.note']);
    expect(silentNulls(PlainPatch).sort()).toEqual(['PlainPatch.note', 'PlainPatch.title']);
    expect(silentNulls(Patch)).toEqual(['Patch.note']);
  });
});
