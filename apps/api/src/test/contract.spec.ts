import { ContractChecker } from './contract';

const json = (schema: Record<string, unknown>) => ({ content: { 'application/json': { schema } } });

function checker() {
  return new ContractChecker({
    paths: {
      '/api/things/{id}': { get: { responses: { '200': json({ $ref: '#/components/schemas/Thing' }), '404': json({ type: 'object' }) } } },
      '/api/things/export': { get: { responses: { '200': json({ type: 'string' }) } } },
      '/api/things': { post: { responses: { '204': {} } } },
    },
    components: {
      schemas: {
        Ref: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        Thing: {
          type: 'object',
          properties: {
            name: { type: 'string', maxLength: 5 },
            owner: { allOf: [{ $ref: '#/components/schemas/Ref' }], nullable: true, type: 'object' },
          },
          required: ['name', 'owner'],
        },
      },
    },
  });
}

describe('the contract check of the integration tests', () => {
  it('accepts a body that matches, with null for a nullable reference', () => {
    const c = checker();
    c.check('GET', '/api/things/1?x=y', 200, { name: 'ok', owner: null });
    c.check('GET', '/api/things/1', 200, { name: 'ok', owner: { id: 'a' } });
    c.check('POST', '/api/things', 204, undefined);
    expect(c.violations).toEqual([]);
  });

  it('reports a body that breaks the schema, naming the operation and the field', () => {
    const c = checker();
    c.check('GET', '/api/things/1', 200, { name: 'too long', owner: { id: 1 } });
    expect(c.violations).toHaveLength(1);
    expect(c.violations[0]).toContain('GET /api/things/{id} → 200');
    expect(c.violations[0]).toContain('/name must NOT have more than 5 characters');
    expect(c.violations[0]).toContain('/owner/id must be string');
  });

  it('reports a status the operation does not declare, and a body where none is declared', () => {
    const c = checker();
    c.check('GET', '/api/things/1', 409, { code: 'X' });
    c.check('POST', '/api/things', 204, { unexpected: true });
    expect(c.violations).toEqual([
      expect.stringContaining('GET /api/things/{id} → 409: status not declared'),
      expect.stringContaining('POST /api/things → 204: a JSON body where the document declares none'),
    ]);
  });

  it('matches a literal path segment before a parameter, and ignores routes outside the document', () => {
    const c = checker();
    c.check('GET', '/api/things/export', 200, 'a,b');
    c.check('GET', '/api/nothing', 404, { code: 'NOT_FOUND' });
    expect(c.violations).toEqual([]);
  });
});
