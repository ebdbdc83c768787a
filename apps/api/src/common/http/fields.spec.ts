import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsString, MaxLength, ValidateNested } from 'class-validator';
import { AppError } from '../errors/app-error';
import { INT4_MAX, IntColumn, NumberColumn, Optional, QueryInt } from './fields';
import { PageQuery } from './pagination';
import { createValidationPipe } from './validation';

class Inner {
  @IntColumn(0, 10)
  n: number;
}

class Patch {
  @IntColumn(1)
  version: number;

  @ApiProperty({ description: 'a name' })
  @Optional()
  @IsString()
  @MaxLength(20)
  fullName?: string;

  @Optional()
  @IsBoolean()
  active?: boolean;

  @Optional({ nullable: true })
  @IsString()
  note?: string | null;

  @Optional()
  @ValidateNested()
  @Type(() => Inner)
  inner?: Inner;

  @Optional()
  @NumberColumn(-1.5, 1.5)
  ratio?: number;
}

class Query {
  @Optional()
  @QueryInt(1, 100)
  n?: number;
}

const pipe = createValidationPipe();

/** The pipe's answer: the DTO, or the fields and messages of its 400. */
async function validate(metatype: new () => object, value: unknown, type: 'body' | 'query' = 'body') {
  try {
    return { ok: await pipe.transform(value, { type, metatype }) };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.status).toBe(400);
    return { details: error.details ?? [] };
  }
}

const fields = (r: { details?: { field: string }[] }) => (r.details ?? []).map((d) => d.field);
const api = (cls: object, property: string) =>
  Reflect.getMetadata('swagger/apiModelProperties', (cls as { prototype: object }).prototype, property);

describe('Optional', () => {
  it('lets a field be left out but refuses null with one message that says so', async () => {
    expect((await validate(Patch, { version: 1 })).ok).toBeInstanceOf(Patch);
    const refused = await validate(Patch, { version: 1, fullName: null, active: null, inner: null });
    expect(refused.details).toEqual([
      { field: 'fullName', messages: ['fullName must not be null (leave it out to keep the current value)'], codes: ['REQUIRED'] },
      { field: 'active', messages: ['active must not be null (leave it out to keep the current value)'], codes: ['REQUIRED'] },
      { field: 'inner', messages: ['inner must not be null (leave it out to keep the current value)'], codes: ['REQUIRED'] },
    ]);
  });

  it('accepts null where the field is nullable, and validates present values as before', async () => {
    expect((await validate(Patch, { version: 1, note: null })).ok).toMatchObject({ note: null });
    expect(fields(await validate(Patch, { version: 1, note: 5, fullName: 'x'.repeat(21) }))).toEqual(['fullName', 'note']);
  });

  it('says it in the OpenAPI metadata, keeping what @ApiProperty declared', () => {
    expect(api(Patch, 'fullName')).toMatchObject({ required: false, description: 'a name' });
    expect(api(Patch, 'fullName').nullable).toBeUndefined();
    expect(api(Patch, 'note')).toMatchObject({ required: false, nullable: true });
  });
});

describe('IntColumn and NumberColumn', () => {
  it.each([
    ['2^31', 2 ** 31],
    ['2^63', 2 ** 63],
    ['1e308', 1e308],
    ['0', 0],
    ['1.5', 1.5],
    ['a numeric string', '1'],
  ])('refuse %s for an int column', async (_label, version) => {
    expect(fields(await validate(Patch, { version }))).toEqual(['version']);
  });

  it('accept the bounds themselves, and describe them in the document', async () => {
    expect((await validate(Patch, { version: INT4_MAX, ratio: -1.5 })).ok).toMatchObject({ version: INT4_MAX, ratio: -1.5 });
    expect(fields(await validate(Patch, { version: 1, ratio: 1.6 }))).toEqual(['ratio']);
    expect(fields(await validate(Patch, { version: 1, inner: { n: 11 } }))).toEqual(['inner.n']);
    expect(api(Patch, 'version')).toMatchObject({ type: 'integer', format: 'int32', minimum: 1, maximum: INT4_MAX });
    expect(api(Patch, 'ratio')).toMatchObject({ type: 'number', format: 'double', minimum: -1.5, maximum: 1.5 });
  });

  it('refuse bounds outside the column when the DTO is declared', () => {
    expect(() => IntColumn(0, 2 ** 31)).toThrow(/IntColumn\(0, 2147483648\)/);
    expect(() => IntColumn(5, 1)).toThrow();
    expect(() => NumberColumn(0, Infinity)).toThrow();
  });
});

describe('QueryInt', () => {
  it('takes decimal integers only', async () => {
    expect((await validate(Query, { n: '42' }, 'query')).ok).toMatchObject({ n: 42 });
    for (const n of ['0x10', '1e3', ' 1', '', '1.0', 'NaN', '101', '0', ['1', '2']]) {
      expect(fields(await validate(Query, { n }, 'query'))).toEqual(['n']);
    }
  });
});

describe('PageQuery', () => {
  it('caps page at 10,000 with a message that says what to do, and 2^63 is a 400 too', async () => {
    expect((await validate(PageQuery, { page: '10000', pageSize: '200' }, 'query')).ok).toMatchObject({ offset: 9999 * 200 });
    const over = await validate(PageQuery, { page: '10001' }, 'query');
    expect(over.details).toEqual([
      {
        field: 'page',
        messages: ['page must not be greater than 10000: narrow the filters instead of paging this far'],
        codes: ['OUT_OF_RANGE'],
        params: { max: 10000 },
      },
    ]);
    expect(fields(await validate(PageQuery, { page: '9223372036854775808' }, 'query'))).toEqual(['page']);
    expect(fields(await validate(PageQuery, { pageSize: '201' }, 'query'))).toEqual(['pageSize']);
  });
});

describe('the validation pipe', () => {
  it('refuses __proto__ and constructor keys, which class-transformer would drop unseen', async () => {
    const body = JSON.parse('{"version":1,"__proto__":{"admin":true},"inner":{"n":1,"constructor":{"prototype":{}}}}');
    expect(await validate(Patch, body)).toEqual({
      details: [
        { field: '__proto__', messages: ['property __proto__ should not exist'], codes: ['UNKNOWN_FIELD'] },
        { field: 'inner.constructor', messages: ['property inner.constructor should not exist'], codes: ['UNKNOWN_FIELD'] },
      ],
    });
    expect(fields(await validate(Query, JSON.parse('{"__proto__":"1"}'), 'query'))).toEqual(['__proto__']);
  });
});
