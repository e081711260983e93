import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { DownloadButton } from '@/components/download-button';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { StructureImportForm } from './structure-import-form';

export const metadata: Metadata = { title: 'Import av struktur' };

export default async function StructureImportPage() {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'unit', organizationId: user.organizationId })) notFound();
  return (
    <>
      <AdminBreadcrumb here="Import av struktur" />
      <h1 className="mt-2 text-2xl font-semibold">Import av struktur</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Skapa och ändra enheter, målområden, KF-mål, planer, mål, mått och uppdrag från en Excelfil. Varje rad känns
        igen på sin kod: finns koden skapas inget nytt, utan bara de ifyllda cellerna ändras. Filen kontrolleras först
        och du ser vad som skapas och ändras. Ingenting sparas om inte hela filen är korrekt.
      </p>
      <p className="mt-2 max-w-3xl rounded border border-amber-300 bg-amber-50 p-3 text-sm text-slate-800">
        Ett ändrat målvärde bedömer inte om värden som redan är sparade: de behåller det målvärde de bedömdes mot.
        Ändra målvärdet under Mål och mått om sparade värden ska bedömas om.
      </p>

      <section aria-labelledby="mall" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="mall" className="text-lg font-semibold">1. Hämta mallen</h2>
        <p className="mt-1 text-sm text-slate-700">
          Mallen har ett blad för varje slags sak, listor att välja i för kolumner som Typ, Regel och Jämförelse, och
          bladet &quot;Instruktioner&quot; som beskriver kolumnerna. Den nuvarande strukturen är samma mall, ifylld med
          allt som finns nu: ändra i den utan att slå upp koder. Laddas den upp oförändrad ändras ingenting.
        </p>
        <p className="mt-3 flex flex-wrap gap-3">
          <DownloadButton href="/admin/import/struktur/mall" label="Hämta mallen (Excel)" filename="malbild-import-struktur.xlsx" />
          <DownloadButton href="/admin/import/struktur/export" label="Hämta nuvarande struktur (Excel)" filename="malbild-struktur.xlsx" />
        </p>
      </section>

      <section aria-labelledby="ladda-upp" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="ladda-upp" className="text-lg font-semibold">2. Ladda upp den ifyllda filen</h2>
        <StructureImportForm />
      </section>
    </>
  );
}
