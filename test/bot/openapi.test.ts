// /api/openapi.json describes every route the server registers, with the body schemas the
// routes check.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/app';

describe('OpenAPI description', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(async () => {
    await s.close();
  });

  it('is OpenAPI 3.1 and names every route the server registers', async () => {
    const r = await s.json('/api/openapi.json');
    assert.equal(r.status, 200);
    assert.equal(r.body.openapi, '3.1.0');
    const routes = Object.values(s.app.ctx.server.router.getRoutes() as unknown as Record<string, any>);
    assert.ok(routes.length > 40, `${routes.length} routes`);
    for (const route of routes) {
      const path = String(route.path).replace(/:(\w+)/g, '{$1}');
      assert.ok(r.body.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.path} is described`);
    }
    for (const old of ['/api/reservations', '/auth/login', '/auth/register', '/api/settings/availability'])
      assert.ok(r.body.paths[old], `${old} (earlier designs) is described`);
  });

  it('gives the booking body from its schema: required fields and their types', async () => {
    const { body } = await s.json('/api/openapi.json');
    const schema = body.paths['/api/reservations'].post.requestBody.content['application/json'].schema;
    for (const field of ['customerName', 'phoneNumber', 'partySize', 'date', 'time'])
      assert.ok(schema.required.includes(field), field);
    assert.equal(schema.properties.partySize.type, 'integer');
    assert.equal(schema.additionalProperties, false);
    const list = body.paths['/api/admin/reservations'].get.parameters.map((p: { name: string }) => p.name);
    assert.ok(list.includes('date') && list.includes('status'));
    assert.deepEqual(body.paths['/api/reservations/{id}'].put.parameters[0], {
      name: 'id',
      in: 'path',
      required: true,
      schema: { type: 'string' },
    });
  });
});
