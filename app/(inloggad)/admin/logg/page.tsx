import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from '@/lib/zod';
import { getDb } from '@/db/client';
import { AUDIT_ENTITY_PREFIXES, getAuditLog, type AuditEntityPrefix, type AuditFilters } from '@/db/admin/audit-log';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { parseId } from '@/lib/route-params';
import { SelectField, TextField } from '@/components/form-field';
import { PickerForm } from '@/components/period-picker';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { actionText, changesText, entityTypeText, PREFIX_LABELS } from './audit-text';
import { formatDateTimePrecise } from '@/lib/time-format';
import { ScrollTable } from '@/components/scroll-table';

export const metadata: Metadata = { title: 'Händelselogg' };

type Query = { vem?: string; vad?: string; fran?: string; till?: string; sida?: string };

const isoDate = z.iso.date();

/** The filters in the URL, each checked against its fixed list or form; anything else is ignored. */
function filtersFrom(query: Query): AuditFilters {
  const page = /^\d{1,6}$/.test(query.sida ?? '') ? Math.max(1, Number(query.sida)) : 1;
  const prefix = (AUDIT_ENTITY_PREFIXES as readonly string[]).includes(query.vad ?? '') ? (query.vad as AuditEntityPrefix) : null;
  const date = (value: string | undefined) => (isoDate.safeParse(value).success ? value! : null);
  return { page, actorId: parseId(query.vem), prefix, from: date(query.fran), to: date(query.till) };
}

/** The URL of the log with these filters and page (empty filters left out). */
function logUrl(filters: AuditFilters, page: number): string {
  const params = new URLSearchParams();
  if (filters.actorId) params.set('vem', filters.actorId);
  if (filters.prefix) params.set('vad', filters.prefix);
  if (filters.from) params.set('fran', filters.from);
  if (filters.to) params.set('till', filters.to);
  if (page > 1) params.set('sida', String(page));
  const search = params.toString();
  return search ? `/admin/logg?${search}` : '/admin/logg';
}

const when = formatDateTimePrecise;

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Query> }) {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'organization', organizationId: user.organizationId })) notFound();
  const filters = filtersFrom(await searchParams);
  const log = await getAuditLog(await getDb(), user, filters);
  const filtered = Boolean(filters.actorId || filters.prefix || filters.from || filters.to);

  return (
    <>
      <AdminBreadcrumb here="Händelselogg" />
      <h1 className="mt-2 text-2xl font-semibold">Händelselogg</h1>
      <p className="mt-1 text-slate-700">Vem gjorde vad och när, nyast först. Loggen kan inte ändras.</p>

      <PickerForm
        after={
          filtered && (
            <Link href="/admin/logg" className="py-2 text-sm text-blue-800 underline">
              Rensa filtren
            </Link>
          )
        }
      >
        <SelectField id="vem" name="vem" label="Vem" labelStyle="small" fullWidth={false} defaultValue={filters.actorId ?? ''}>
          <option value="">Alla</option>
          {log.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="vad" name="vad" label="Vad" labelStyle="small" fullWidth={false} defaultValue={filters.prefix ?? ''}>
          <option value="">Allt</option>
          {AUDIT_ENTITY_PREFIXES.map((prefix) => (
            <option key={prefix} value={prefix}>
              {PREFIX_LABELS[prefix] ?? prefix}
            </option>
          ))}
        </SelectField>
        <TextField id="fran" name="fran" type="date" label="Från" labelStyle="small" fullWidth={false} defaultValue={filters.from ?? ''} />
        <TextField id="till" name="till" type="date" label="Till" labelStyle="small" fullWidth={false} defaultValue={filters.to ?? ''} />
      </PickerForm>

      <p className="mt-4 text-sm text-slate-700" aria-live="polite">
        {log.total === 0
          ? filtered
            ? 'Inga händelser med de här filtren.'
            : 'Inga händelser ännu.'
          : `${log.total.toLocaleString('sv-SE')} ${log.total === 1 ? 'händelse' : 'händelser'}, sida ${log.page} av ${log.pageCount}.`}
      </p>

      {log.events.length > 0 && (
        <ScrollTable caption={`Händelser i ${user.organizationName}, nyast först`} columns={['Tid', 'Vem', 'Vad', 'Gäller', 'Ändringar']} className="mt-2">
          {log.events.map((e) => (
            <tr key={e.id} className="border-b border-slate-100 align-top">
              <td data-label="Tid" className="whitespace-nowrap px-3 py-2">
                <time dateTime={e.createdAt}>{when(e.createdAt)}</time>
              </td>
              <td data-label="Vem" className="px-3 py-2">{e.actorName ?? 'Systemet'}</td>
              <td data-label="Vad" className="px-3 py-2">
                {actionText(e.action)}
              </td>
              <td data-label="Gäller" className="px-3 py-2">
                {entityTypeText(e.entityType)}
                {e.entityName && <span className="block">{e.entityName}</span>}
              </td>
              <td data-label="Ändringar" className="max-w-md break-words px-3 py-2">{changesText(e.changes, log.names)}</td>
            </tr>
          ))}
        </ScrollTable>
      )}

      {log.pageCount > 1 && (
        <nav aria-label="Sidor i loggen" className="mt-4 flex flex-wrap items-center gap-4 text-sm">
          {log.page > 1 ? (
            <Link href={logUrl(filters, log.page - 1)} className="text-blue-800 underline">
              ← Nyare
            </Link>
          ) : (
            <span className="text-slate-500">← Nyare</span>
          )}
          <span>
            Sida {log.page} av {log.pageCount}
          </span>
          {log.page < log.pageCount ? (
            <Link href={logUrl(filters, log.page + 1)} className="text-blue-800 underline">
              Äldre →
            </Link>
          ) : (
            <span className="text-slate-500">Äldre →</span>
          )}
        </nav>
      )}
    </>
  );
}
