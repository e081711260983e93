// The REST API's OpenAPI document (lib/api-openapi.ts), shown readably for the admin and the
// people who connect other systems: every path with its parameters, body and answers, and
// every schema's fields. The same document is at /api/v1/openapi.json for tools.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { openApiDocument } from '@/lib/api-openapi';
import { formatNumber } from '@/lib/swedish-number';
import { AdminBreadcrumb } from '@/components/breadcrumb';

export const metadata: Metadata = { title: 'API-dokumentation' };

type Json = Record<string, unknown>;

const refName = (ref: unknown) => (typeof ref === 'string' ? ref.split('/').pop()! : '');

/** A schema's type in a few words: "text (uuid)", "heltal 0–1 000 000", "lista av Goal", "ett av: green, red". */
function typeText(schema: Json): string {
  if (schema.$ref) return refName(schema.$ref);
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as Json[]).map(typeText).join(' eller ');
  if (Array.isArray(schema.enum)) return `ett av: ${(schema.enum as unknown[]).map((v) => (v === '' ? '(tomt)' : String(v))).join(', ')}`;
  const type = schema.type;
  if (type === 'array') return `lista av ${typeText((schema.items as Json) ?? {})}`;
  if (type === 'null') return 'null';
  const words: string[] = [];
  if (type === 'string') {
    words.push(schema.format ? `text (${String(schema.format)})` : 'text');
    if (typeof schema.maxLength === 'number') words.push(`högst ${formatNumber(schema.maxLength, 0)} tecken`);
  } else if (type === 'integer' || type === 'number') {
    words.push(type === 'integer' ? 'heltal' : 'tal');
    if (typeof schema.minimum === 'number' && typeof schema.maximum === 'number') {
      words.push(`${formatNumber(schema.minimum, 0)}–${formatNumber(schema.maximum, 0)}`);
    }
  } else if (type === 'boolean') words.push('sant/falskt');
  else if (type === 'object') words.push('objekt');
  else words.push('valfritt värde');
  return words.join(', ');
}

function Fields({ schema }: { schema: Json }) {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return (
    <table className="stack-table mt-2 w-full border-collapse text-sm">
      <thead>
        <tr className="border-b border-slate-300 text-left">
          <th scope="col" className="py-1 pr-3">Fält</th>
          <th scope="col" className="py-1 pr-3">Typ</th>
          <th scope="col" className="py-1 pr-3">Krävs</th>
          <th scope="col" className="py-1">Beskrivning</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(properties).map(([name, property]) => (
          <tr key={name} className="border-b border-slate-200 align-top">
            <td data-label="Fält" className="py-1 pr-3 font-mono">{name}</td>
            <td data-label="Typ" className="py-1 pr-3">{typeText(property)}</td>
            <td data-label="Krävs" className="py-1 pr-3">{required.has(name) ? 'Ja' : 'Nej'}</td>
            <td data-label="Beskrivning" className="py-1">
              {[property.description, property.default !== undefined && property.default !== '' ? `Standard: ${String(property.default)}` : null]
                .filter(Boolean)
                .join(' ') || '–'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const METHOD_STYLE: Record<string, string> = {
  get: 'border-blue-800 bg-blue-50 text-blue-900',
  post: 'border-green-800 bg-green-50 text-green-900',
};

export default async function ApiDocumentationPage() {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'organization', organizationId: user.organizationId })) notFound();
  const doc = openApiDocument() as Json;
  const info = doc.info as Json;
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const schemas = (doc.components as Json).schemas as Record<string, Json>;
  return (
    <>
      <AdminBreadcrumb trail={[{ href: '/admin/api', label: 'API-nycklar' }]} here="API-dokumentation" />
      <h1 className="mt-2 text-2xl font-semibold">API-dokumentation</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{String(info.description)}</p>
      <p className="mt-2 text-slate-700">
        Dokumentet i OpenAPI 3.1-format, för verktyg:{' '}
        <a href="/api/v1/openapi.json" className="font-mono text-blue-800 underline">
          /api/v1/openapi.json
        </a>
      </p>
      <section aria-labelledby="anrop" className="mt-6">
        <h2 id="anrop" className="text-xl font-semibold">
          Anrop
        </h2>
        <ul className="mt-3 space-y-4">
          {Object.entries(paths).flatMap(([path, operations]) =>
            Object.entries(operations).map(([method, op]) => {
              const parameters = (op.parameters as Json[] | undefined) ?? [];
              const body = (((op.requestBody as Json | undefined)?.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema as Json | undefined;
              const responses = op.responses as Record<string, Json>;
              return (
                <li key={`${method} ${path}`} className="rounded-lg border border-slate-200 bg-white p-4">
                  <h3 className="flex flex-wrap items-baseline gap-2 font-semibold">
                    <span className={`rounded border px-2 py-0.5 font-mono text-xs ${METHOD_STYLE[method] ?? ''}`}>{method.toUpperCase()}</span>
                    <span className="break-all font-mono">{path}</span>
                  </h3>
                  <p className="mt-1">{String(op.summary)}</p>
                  {typeof op.description === 'string' && <p className="mt-1 text-sm text-slate-700">{op.description}</p>}
                  {parameters.length > 0 && (
                    <>
                      <h4 className="mt-3 text-sm font-semibold">Parametrar</h4>
                      <ul className="mt-1 list-disc pl-5 text-sm">
                        {parameters.map((p) => (
                          <li key={String(p.name)}>
                            <span className="font-mono">{String(p.name)}</span> ({p.in === 'path' ? 'i sökvägen' : p.in === 'query' ? 'i frågan' : 'huvud'}
                            {p.required ? ', krävs' : ', valfri'}): {String(p.description ?? '')}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                  {body && (
                    <p className="mt-3 text-sm">
                      <span className="font-semibold">Innehåll (JSON):</span>{' '}
                      <a href={`#schema-${refName(body.$ref)}`} className="text-blue-800 underline">
                        {refName(body.$ref)}
                      </a>
                    </p>
                  )}
                  <h4 className="mt-3 text-sm font-semibold">Svar</h4>
                  <ul className="mt-1 list-disc pl-5 text-sm">
                    {Object.entries(responses).map(([status, response]) => {
                      const content = (response.content ?? {}) as Record<string, Json>;
                      const schema = Object.values(content)[0]?.schema as Json | undefined;
                      return (
                        <li key={status}>
                          <span className="font-mono">{status}</span> {String(response.description)}
                          {schema?.$ref ? (
                            <>
                              {' '}(
                              <a href={`#schema-${refName(schema.$ref)}`} className="text-blue-800 underline">
                                {refName(schema.$ref)}
                              </a>
                              )
                            </>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                </li>
              );
            }),
          )}
        </ul>
      </section>
      <section aria-labelledby="scheman" className="mt-8">
        <h2 id="scheman" className="text-xl font-semibold">
          Scheman
        </h2>
        {Object.entries(schemas).map(([name, schema]) => (
          <section key={name} id={`schema-${name}`} aria-labelledby={`schema-${name}-rubrik`} className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
            <h3 id={`schema-${name}-rubrik`} className="font-mono font-semibold">
              {name}
            </h3>
            <Fields schema={schema} />
          </section>
        ))}
      </section>
    </>
  );
}
