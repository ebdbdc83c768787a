import 'reflect-metadata';
import { Body, Controller, Get, Module, Post, Type, UseGuards } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiNotFoundResponse, ApiOkResponse, ApiProperty, type OpenAPIObject } from '@nestjs/swagger';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { Public, Roles } from '../common/auth/decorators';
import { CommonErrors, defineErrors } from '../common/errors/app-error';
import { ApiErrors } from '../common/http/api-errors';
import { createOpenApiDocument, serializeOpenApiDocument } from './openapi-document';

const TestErrors = defineErrors({
  THING_NOT_FOUND: { status: 404, message: 'Thing not found' },
  THING_RATE_LIMITED: { status: 429, message: 'Slow down' },
});

class TestThrottler extends ThrottlerGuard {}

class PointDto {
  @ApiProperty({ type: 'number' }) x: number;
}

class CreateThingDto {
  @ApiProperty({ type: 'string', maxLength: 10 }) name: string;
  @ApiProperty({ type: () => PointDto }) at: PointDto;
}

class ThingDto {
  @ApiProperty({ type: 'string', maxLength: 10 }) name: string;
}

@Controller('things')
class ThingsController {
  @Get()
  @ApiOkResponse({ type: ThingDto, isArray: true })
  listThings(): ThingDto[] {
    return [];
  }

  @Get(':id')
  @Roles('coordinator')
  @ApiOkResponse({ type: ThingDto })
  @ApiErrors(TestErrors.THING_NOT_FOUND, CommonErrors.STALE_VERSION)
  getThing(): ThingDto {
    return { name: 'x' };
  }

  @Post()
  @Public()
  @UseGuards(TestThrottler)
  @ApiOkResponse({ type: ThingDto })
  @ApiErrors(TestErrors.THING_RATE_LIMITED)
  createThing(@Body() body: CreateThingDto): ThingDto {
    return body;
  }
}

@Controller('loose')
class UndeclaredThrottleController {
  @Post()
  @Public()
  @UseGuards(TestThrottler)
  @ApiOkResponse({ type: ThingDto })
  hammerThing(): ThingDto {
    return { name: 'x' };
  }
}

@Controller('own')
class OwnErrorController {
  @Get()
  @ApiOkResponse({ type: ThingDto })
  @ApiNotFoundResponse({ description: 'hand-written' })
  findThing(): ThingDto {
    return { name: 'x' };
  }
}

/** The document of one controller, from an app in preview mode (as `npm run openapi` builds it). */
async function documentOf(controller: Type): Promise<OpenAPIObject> {
  @Module({ imports: [ThrottlerModule.forRoot([{ ttl: 60_000, limit: 10 }])], controllers: [controller] })
  class TestModule {}
  const app = await NestFactory.create(TestModule, { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix('api');
  try {
    return createOpenApiDocument(app, [TestModule]);
  } finally {
    await app.close();
  }
}

describe('the OpenAPI document', () => {
  let doc: OpenAPIObject;
  beforeAll(async () => {
    doc = await documentOf(ThingsController);
  });

  const responses = (path: string, method: 'get' | 'post') => doc.paths[path][method]!.responses as Record<string, any>;

  it('names operations after the controller methods', () => {
    expect(doc.paths['/api/things'].get!.operationId).toBe('listThings');
    expect(doc.paths['/api/things/{id}'].get!.operationId).toBe('getThing');
  });

  it('declares bearer security, 400, 401 and 500 on a signed-in route, with the error body', () => {
    const list = doc.paths['/api/things'].get!;
    expect(list.security).toEqual([{ bearer: [] }]);
    // 403: the global guard keeps a user with a temporary password out of everything but the change
    expect(Object.keys(responses('/api/things', 'get')).sort()).toEqual(['200', '400', '401', '403', '415', '500', '503']);
    expect(responses('/api/things', 'get')['403'].description).toContain('`PASSWORD_CHANGE_REQUIRED`');
    // answered before any route: text the database cannot take, a JSON body not in UTF-8, the database away
    expect(responses('/api/things', 'get')['400'].description).toContain('`INVALID_TEXT`');
    expect(responses('/api/things', 'get')['400'].description).toContain('`BODY_TOO_DEEP`');
    expect(responses('/api/things', 'get')['415'].description).toContain('`UNSUPPORTED_MEDIA_TYPE`');
    expect(responses('/api/things', 'get')['503'].headers).toEqual({ 'Retry-After': { $ref: '#/components/headers/Retry-After' } });
    expect(responses('/api/things', 'get')['401'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ApiError' });
    expect(responses('/api/things', 'get')['400'].description).toContain('`MALFORMED_JSON`');
    expect(list.description).toBe('Access: any signed-in user (the data is limited to their scope).');
  });

  it('adds 403 for @Roles() and the declared domain errors under their own status', () => {
    const r = responses('/api/things/{id}', 'get');
    expect(Object.keys(r).sort()).toEqual(['200', '400', '401', '403', '404', '409', '415', '500', '503']);
    expect(r['403'].description).toContain('`FORBIDDEN`');
    expect(r['404'].description).toContain('`THING_NOT_FOUND`: Thing not found');
    expect(r['409'].description).toContain('`STALE_VERSION`');
    expect(doc.paths['/api/things/{id}'].get!.description).toContain('coordinators, platform admins');
  });

  it('gives a public route no security and no 401; a throttled one its rate-limit headers and Retry-After', () => {
    const create = doc.paths['/api/things'].post!;
    expect(create.security).toBeUndefined();
    const r = responses('/api/things', 'post');
    expect(r['401']).toBeUndefined();
    expect(r['200'].headers['X-RateLimit-Remaining']).toEqual({ $ref: '#/components/headers/X-RateLimit-Remaining' });
    expect(r['400'].headers['X-RateLimit-Limit']).toBeDefined();
    expect(r['500'].headers).toBeUndefined();
    expect(r['429'].headers['Retry-After']).toEqual({ $ref: '#/components/headers/Retry-After' });
    expect(doc.components!.headers!['Retry-After']).toMatchObject({ schema: { type: 'integer' } });
  });

  it('closes every schema a request body reaches (unknown properties are a 400), and only those', () => {
    const schemas = doc.components!.schemas as Record<string, Record<string, unknown>>;
    expect(schemas.CreateThingDto.additionalProperties).toBe(false);
    expect(schemas.PointDto.additionalProperties).toBe(false);
    expect(schemas.ThingDto.additionalProperties).toBeUndefined();
  });

  it('is written with sorted keys and a trailing newline', () => {
    const text = serializeOpenApiDocument(doc);
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text))).toEqual(Object.keys(JSON.parse(text)).sort());
    expect(Object.keys(doc.paths['/api/things'])).toEqual(['get', 'post']);
  });

  it('refuses a throttled route that does not declare its 429', async () => {
    await expect(documentOf(UndeclaredThrottleController)).rejects.toThrow('POST /api/loose is throttled: declare its 429');
  });

  it('refuses a hand-written standard error response', async () => {
    await expect(documentOf(OwnErrorController)).rejects.toThrow('GET /api/own declares its own 404: use @ApiErrors(...) instead');
  });
});
