import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { exportOutline } from '@/db/org-export-tables';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { OrgExportDownload } from '@/components/org-export-download';

export const metadata: Metadata = { title: 'Export av all data' };

export default async function ExportPage() {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'organization', organizationId: user.organizationId })) notFound();
  const outline = exportOutline();

  return (
    <>
      <AdminBreadcrumb here="Export av all data" />
      <h1 className="mt-2 text-2xl font-semibold">Export av all data</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Hela organisationens data i en ZIP-fil: strukturen, varje version av varje utfall, bedömning, återrapportering och
        text, klarmarkeringar, attester med sina ögonblicksbilder och händelseloggen. Varje tabell finns som JSON och som CSV,
        med ett JSON Schema som beskriver formatet, och de attesterade rapporterna som Word-filer. Exporten skrivs i
        händelseloggen.
      </p>
      <OrgExportDownload href="/admin/export/fil" />

      <h2 className="mt-8 text-xl font-semibold">Det här följer inte med</h2>
      <ul className="mt-2 max-w-3xl list-disc space-y-2 pl-6">
        {outline.redacted.map((r) => (
          <li key={`${r.table}.${r.column}`}>
            <span className="font-medium">
              Kolumnen {r.column} i tabellen {r.table}
            </span>{' '}
            (exporteras tom): {r.reason}
          </li>
        ))}
        {outline.excluded.map((t) => (
          <li key={t.name}>
            <span className="font-medium">Tabellen {t.name}</span>: {t.reason}
          </li>
        ))}
      </ul>

      <h2 className="mt-8 text-xl font-semibold">Läsa in exporten i en ny installation</h2>
      <p className="mt-2 max-w-3xl">
        En export läses in i en tom installation av Målbild (ingen organisation alls, inte heller demodata) med kommandot
      </p>
      <pre className="mt-2 max-w-3xl whitespace-pre-wrap break-words rounded bg-slate-100 p-3 text-sm">
        <code>npm run import:org -- malbild-export.zip</code>
      </pre>
      <p className="mt-2 max-w-3xl">
        Allt läses in i en enda transaktion: går något fel sparas ingenting. Kommandot vägrar om installationen inte är tom
        eller om exporten har ett format som den här versionen inte läser. Administratörerna får nya engångslösenord, som
        kommandot skriver ut; andra konton får ett nytt lösenord av administratören eller loggar in med single sign-on.
      </p>
      <p className="mt-2 text-sm text-slate-700">
        Exporten omfattar {outline.tables.length} tabeller: {outline.tables.join(', ')}.
      </p>
    </>
  );
}
