// The OpenAPI 3.1 document of the REST API v1 (issue 17), generated from the zod schemas
// the API itself uses: the request bodies are the forms' own schemas (what the API parses
// with), the responses lib/api-v1.ts' schemas (what it builds). zod 4's JSON Schema output
// is draft 2020-12, the dialect of OpenAPI 3.1. Pure code.
import { z } from '@/lib/zod';
import { indicatorValueSchema } from './indicator-value-schema';
import { assignmentReportSchema } from './assignment-report-input';
import {
  assignmentSchema,
  goalSchema,
  indicatorSchema,
  periodSchema,
  planSchema,
  reportSchema,
  rollupSchema,
  targetSchema,
  valueSchema,
  valueVersionSchema,
  assignmentsResponseSchema,
  goalsResponseSchema,
  periodsResponseSchema,
  plansResponseSchema,
  reportHistoryResponseSchema,
  rollupsResponseSchema,
  valueHistoryResponseSchema,
  valuesResponseSchema,
  writeResponseSchema,
} from './api-v1';

const problemSchema = z
  .object({
    type: z.string().meta({ example: 'urn:malbild:problem:conflict' }),
    title: z.string(),
    status: z.int(),
    detail: z.string().meta({ description: 'What went wrong, in Swedish.' }),
    instance: z.string().optional(),
    code: z.string(),
    errors: z.record(z.string(), z.array(z.string())).optional().meta({ description: 'Field errors, in Swedish.' }),
    newer: z.unknown().optional().meta({ description: 'With 409: the newest version, which the write was not based on.' }),
  });

const RESPONSES = {
  PeriodsResponse: periodsResponseSchema,
  PlansResponse: plansResponseSchema,
  GoalsResponse: goalsResponseSchema,
  ValuesResponse: valuesResponseSchema,
  ValueHistoryResponse: valueHistoryResponseSchema,
  AssignmentsResponse: assignmentsResponseSchema,
  ReportHistoryResponse: reportHistoryResponseSchema,
  RollupsResponse: rollupsResponseSchema,
  WriteResponse: writeResponseSchema,
  Problem: problemSchema,
};

/** The named schemas inside the responses, each listed once and referenced. */
const PARTS = {
  Period: periodSchema,
  Plan: planSchema,
  Target: targetSchema,
  Indicator: indicatorSchema,
  Goal: goalSchema,
  Value: valueSchema,
  ValueVersion: valueVersionSchema,
  Report: reportSchema,
  Assignment: assignmentSchema,
  Rollup: rollupSchema,
};

/** A schema as JSON Schema, for a request body (the forms' schemas carry no id). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete generated.$schema;
  return generated;
}

/**
 * Every named response schema (and the named schemas inside them: Period, Goal, …) once,
 * referencing each other under components.
 */
function responseSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries({ ...RESPONSES, ...PARTS })) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as Record<string, unknown>;
      return [name, rest];
    }),
  );
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const jsonContent = (name: string) => ({ 'application/json': { schema: ref(name) } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });

const COMMON_ERRORS = {
  '401': problem('Ingen giltig API-nyckel (saknas, okänd, återkallad eller utgången). Cookies gäller inte.'),
  '404': problem('Finns inte, eller så får nyckeln inte se eller ändra det.'),
  '429': {
    ...problem('För många anrop: vänta så många sekunder som Retry-After anger.'),
    headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Sekunder att vänta.' } },
  },
  '503': problem('Databasen är tillfälligt otillgänglig; inget sparades.'),
};

const idParameter = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string', format: 'uuid' } });

function read(summary: string, response: string, parameters: unknown[] = []) {
  return {
    get: {
      summary,
      parameters,
      responses: { '200': { description: 'Lyckat anrop.', content: jsonContent(response) }, ...COMMON_ERRORS },
    },
  };
}

function write(summary: string, description: string, body: string) {
  return {
    post: {
      summary,
      description,
      parameters: [
        {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'Valfri nyckel (1–200 synliga ASCII-tecken). Ett nytt försök med samma nyckel och samma innehåll sparar inget nytt och får samma svar igen (med huvudet Idempotent-Replayed: true).',
          schema: { type: 'string', maxLength: 200 },
        },
      ],
      requestBody: { required: true, content: jsonContent(body) },
      responses: {
        '201': { description: 'Sparad som en ny version.', content: jsonContent('WriteResponse') },
        '400': problem('Innehållet är inte JSON, eller Idempotency-Key har fel format.'),
        '409': problem('Det finns en nyare version än baseSeq (se newer), eller samma Idempotency-Key behandlas just nu.'),
        '415': problem('Content-Type är inte application/json.'),
        '422': problem('Uppgifterna bryter mot en regel (se errors): till exempel saknas analys när färgen inte är grön, eller måttet ska inte rapporteras i perioden.'),
        ...COMMON_ERRORS,
      },
    },
  };
}

/** The whole OpenAPI 3.1 document. */
export function openApiDocument(): Record<string, unknown> {
  const period = idParameter('periodId', 'Periodens id (GET /api/v1/periods).');
  const schemas: Record<string, unknown> = responseSchemas();
  // The request bodies are the forms' own schemas, as they parse (the input side).
  schemas.IndicatorValueInput = jsonSchema(indicatorValueSchema, 'input');
  schemas.AssignmentReportInput = jsonSchema(assignmentReportSchema, 'input');
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Målbild REST API',
      version: '1',
      description:
        'Läs planer, mål, mått, utfall med historik, uppdrag med återrapporteringar och sammanställningar per målområde, och skriv utfall och återrapporteringar med samma regler som formulären. Varje anrop autentiseras med en API-nyckel från administrationen (Authorization: Bearer <nyckel>); inloggningscookies gäller inte. Fel är problem details (RFC 9457) på svenska.',
    },
    servers: [{ url: '/' }],
    security: [{ apiToken: [] }],
    paths: {
      '/api/v1/periods': read('Organisationens perioder', 'PeriodsResponse'),
      '/api/v1/plans': read('Organisationens verksamhetsplaner', 'PlansResponse'),
      '/api/v1/periods/{periodId}/goals': read('Periodens mål med mått, som översikten visar dem', 'GoalsResponse', [period]),
      '/api/v1/periods/{periodId}/values': read('Den senaste versionen av varje måtts utfall i perioden', 'ValuesResponse', [period]),
      '/api/v1/periods/{periodId}/assignments': read('Periodens uppdrag med varje enhets senaste återrapportering', 'AssignmentsResponse', [period]),
      '/api/v1/periods/{periodId}/rollups': read('Sammanställning per målområde, som översikten visar den', 'RollupsResponse', [
        period,
        { name: 'boardId', in: 'query', required: false, description: 'Bara en nämnds del.', schema: { type: 'string', format: 'uuid' } },
      ]),
      '/api/v1/indicators/{indicatorId}/values': read('Alla versioner av ett måtts utfall, alla perioder', 'ValueHistoryResponse', [
        idParameter('indicatorId', 'Måttets id.'),
      ]),
      '/api/v1/assignments/{assignmentId}/reports': read('Alla versioner av ett uppdrags återrapporteringar', 'ReportHistoryResponse', [
        idParameter('assignmentId', 'Uppdragets id.'),
      ]),
      '/api/v1/values': write(
        'Spara ett utfall som en ny version',
        'Samma regler som formuläret: baseSeq är versionen du utgick från (0 för den första); en nyare version ger 409 med den nyare i newer. Utfallet skrivs som text i svenskt format ("1,86") eller med punkt. Analys krävs när färgen inte är grön; en vald färg eller trendpil kräver motivering (422 med errors per fält). Ett mått utanför nyckelns enheter, en stängd period och en attesterad nämnds period ger 404, precis som formuläret inte går att nå då.',
        'IndicatorValueInput',
      ),
      '/api/v1/assignment-reports': write(
        'Spara en återrapportering som en ny version',
        'Samma regler som formuläret: baseSeq är versionen du utgick från (0 för den första); en nyare version ger 409. Status avförd kräver ett skäl.',
        'AssignmentReportInput',
      ),
    },
    components: {
      securitySchemes: { apiToken: { type: 'http', scheme: 'bearer', description: 'En API-nyckel (mbk_…) från Administration → API-nycklar.' } },
      schemas,
    },
  };
}
