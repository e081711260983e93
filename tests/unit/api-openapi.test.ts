// The OpenAPI document of the REST API v1 (issue 17): generated from the zod schemas the API
// parses with, every path it names has a route, and every reference resolves.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from '@/lib/zod';
import { openApiDocument } from '@/lib/api-openapi';
import { indicatorValueSchema } from '@/lib/indicator-value-schema';
import { assignmentReportSchema } from '@/lib/assignment-report-input';
import { apiProblem, describedProblem } from '@/lib/api-problem';
import { describeError, ConflictError, ValidationError } from '@/lib/errors';
import { endOfStockholmDay } from '@/lib/time-format';

type Json = Record<string, unknown>;
const doc = openApiDocument() as Json & { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } };

function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with bearer tokens', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect((doc.components as unknown as Json).securitySchemes).toMatchObject({ apiToken: { type: 'http', scheme: 'bearer' } });
  });

  it("describes the write bodies with the forms' own schemas", () => {
    const strip = (s: z.ZodType) => {
      const { $schema: _dialect, ...rest } = z.toJSONSchema(s, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Json;
      return rest;
    };
    expect(doc.components.schemas.IndicatorValueInput).toEqual(strip(indicatorValueSchema));
    expect(doc.components.schemas.AssignmentReportInput).toEqual(strip(assignmentReportSchema));
    expect((doc.components.schemas.IndicatorValueInput as { required: string[] }).required).toEqual(['indicatorId', 'periodId', 'baseSeq']);
    expect(doc.paths['/api/v1/values']!.post!.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/IndicatorValueInput' } } },
    });
  });

  it('has a route for every path it names, and every reference resolves', () => {
    for (const [p, operations] of Object.entries(doc.paths)) {
      const folder = p.replace(/^\//, '').replace(/\{(\w+)\}/g, '[$1]');
      const source = fs.readFileSync(path.join(process.cwd(), 'app', folder, 'route.ts'), 'utf8');
      for (const method of Object.keys(operations)) expect(source, `${method} ${p}`).toContain(`export const ${method.toUpperCase()} =`);
    }
    const names = new Set(Object.keys(doc.components.schemas));
    for (const ref of refs(doc)) expect(names.has(ref.replace('#/components/schemas/', '')), ref).toBe(true);
    expect(JSON.stringify(doc)).not.toContain('$defs');
  });
});

describe('API problems', () => {
  it('are RFC 9457 problem details in Swedish, mapped by lib/errors', () => {
    expect(apiProblem('rate_limited', '/api/v1/plans')).toMatchObject({
      type: 'urn:malbild:problem:rate-limited',
      title: 'För många anrop',
      status: 429,
      instance: '/api/v1/plans',
    });
    expect(apiProblem('unauthenticated').status).toBe(401);
    expect(apiProblem('not_found')).toMatchObject({ status: 404, title: 'Finns inte' });
    const conflict = describedProblem(describeError(new ConflictError({ seq: 4 })));
    expect(conflict).toMatchObject({ status: 409, code: 'conflict', newer: { seq: 4 } });
    const invalid = describedProblem(describeError(new ValidationError('Perioden är stängd.', { periodId: ['Stängd.'] })));
    expect(invalid).toMatchObject({ status: 422, detail: 'Perioden är stängd.', errors: { periodId: ['Stängd.'] } });
  });
});

describe("an API token's last day", () => {
  it('ends at midnight in Stockholm, in summer and in winter time', () => {
    expect(endOfStockholmDay('2027-06-30').toISOString()).toBe('2027-06-30T22:00:00.000Z');
    expect(endOfStockholmDay('2027-12-31').toISOString()).toBe('2027-12-31T23:00:00.000Z');
    // The night the clocks go forward (2027-03-28): the 27th ends at 23:00 UTC.
    expect(endOfStockholmDay('2027-03-27').toISOString()).toBe('2027-03-27T23:00:00.000Z');
  });
});
