import { describe, expect, it } from 'vitest';
import { DOCS_HTML, DOCS_JS } from './docs-page';
import { openApiDocument } from './document';

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters: Array<{ name: string; in: string; required: boolean; schema: Record<string, unknown> }>;
        requestBody?: unknown;
        responses: Record<string, unknown>;
      }
    >
  >;
};

describe('openApiDocument', () => {
  const doc = openApiDocument() as Doc;
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );

  it('is OpenAPI 3.1 with every analytics endpoint', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(ops.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort()).toEqual([
      'GET /api/v1/checks/drift',
      'GET /api/v1/checks/latency-bias',
      'GET /api/v1/checks/survivorship',
      'GET /api/v1/checks/sycophancy',
      'GET /api/v1/cycles',
      'GET /api/v1/cycles/{id}',
      'GET /api/v1/velocity',
      'PATCH /api/v1/cycles/{id}',
      'POST /api/v1/cycles',
      'POST /api/v1/cycles/{id}/snapshot',
      'POST /api/v1/evals',
      'POST /api/v1/judgments',
      'POST /api/v1/reviews',
    ]);
    expect(new Set(ops.map((o) => o.op.operationId)).size).toBe(ops.length);
  });

  it('describes parameters from the validating schemas', () => {
    const velocity = doc.paths['/api/v1/velocity']!.get!;
    const bucket = velocity.parameters.find((p) => p.name === 'bucket')!;
    expect(bucket).toMatchObject({
      in: 'query',
      required: false,
      schema: { enum: ['day', 'week'], default: 'day' },
    });
    expect(velocity.parameters.map((p) => p.name)).toEqual(['workload', 'from', 'to', 'asOf', 'bucket', 'W']);
    const patch = doc.paths['/api/v1/cycles/{id}']!.patch!;
    expect(patch.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
    expect(patch.requestBody).toBeDefined();
    for (const { op } of ops) expect(op.responses).toHaveProperty('400');
  });

  it('has a reference page that loads nothing inline or from elsewhere', () => {
    expect(DOCS_HTML).not.toMatch(/<script>|<style>|style=|https?:\/\//);
    expect(DOCS_JS).not.toMatch(/innerHTML|eval\(|https?:\/\//);
  });
});
