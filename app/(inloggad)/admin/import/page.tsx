import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { DownloadButton } from '@/components/download-button';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { ValueImportForm } from './value-import-form';

export const metadata: Metadata = { title: 'Import av värden' };

export default async function ValueImportPage() {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'value', organizationId: user.organizationId })) notFound();
  return (
    <>
      <AdminBreadcrumb here="Import av värden" />
      <h1 className="mt-2 text-2xl font-semibold">Import av värden</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Läs in utfall, noteringar och analyser för många mått på en gång från en Excelfil. Filen kontrolleras först
        och du ser vad som kommer att ändras. Ingenting sparas om inte hela filen är korrekt. Varje ändrat värde
        sparas som en ny version i historiken. Import av struktur (mål, mått, enheter) görs inte här.
      </p>

      <section aria-labelledby="mall" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="mall" className="text-lg font-semibold">1. Hämta mallen</h2>
        <p className="mt-1 text-sm text-slate-700">
          Mallen har en rad för varje mått som kan rapporteras i de öppna perioderna, ifylld med de värden som är
          sparade nu. Bladet &quot;Instruktioner&quot; beskriver kolumnerna.
        </p>
        <p className="mt-3">
          <DownloadButton href="/admin/import/mall" label="Hämta mallen (Excel)" filename="malbild-import-varden.xlsx" />
        </p>
      </section>

      <section aria-labelledby="ladda-upp" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="ladda-upp" className="text-lg font-semibold">2. Ladda upp den ifyllda filen</h2>
        <ValueImportForm />
      </section>
    </>
  );
}
