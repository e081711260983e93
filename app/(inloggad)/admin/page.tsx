import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';

export const metadata: Metadata = { title: 'Administration' };

const SECTIONS = [
  { href: '/admin/enheter', title: 'Enheter', text: 'Nämnder, förvaltningar, avdelningar och externa organ i ett träd.' },
  { href: '/admin/anvandare', title: 'Användare', text: 'Konton, roller och behörigheter; inaktivera och nya lösenord.' },
  { href: '/admin/inloggning', title: 'Inloggning', text: 'Inloggning via kommunens identitetstjänst, lösenord, och grupper som ger roller.' },
  { href: '/admin/perioder', title: 'Perioder', text: 'Tertial, delår och helår: skapa, öppna, stänga och sista dag.' },
  { href: '/admin/planer', title: 'Verksamhetsplaner och texter', text: 'En plan per nämnd och år, och nämndens egna texter i rapporten.' },
  { href: '/admin/rapportmall', title: 'Rapportmall', text: 'Kapitlen i nämndens delårsbokslut och årsredovisning, i ordning, och vilka enheter som skriver texterna.' },
  { href: '/admin/malomraden', title: 'Målområden och KF-mål', text: 'Målområden med delområden och giltighetsår, kommunfullmäktiges mål.' },
  { href: '/admin/mal', title: 'Nämndmål och mått', text: 'Mål med regel, bäring och adressering; mått med strukturerade målvärden.' },
  { href: '/admin/uppdrag', title: 'Uppdrag', text: 'Uppdrag från fullmäktige och nämnder, med ansvariga enheter.' },
  { href: '/admin/import/struktur', title: 'Import av struktur', text: 'Enheter, målområden, KF-mål, planer, mål, mått och uppdrag från Excel, med provkörning.' },
  { href: '/admin/import', title: 'Import av värden', text: 'Utfall och analyser från Excel, med provkörning innan något sparas.' },
  { href: '/admin/kolada', title: 'Kolada', text: 'Mått som hämtar sina värden ur Kolada, och mål som rangordnas mot länet.' },
  { href: '/admin/arsskifte', title: 'Årsskifte', text: 'Nästa års verksamhetsplan ur årets, med mål och mått länkade bakåt.' },
  { href: '/admin/api', title: 'API-nycklar', text: 'Nycklar för andra system som läser och skriver via REST-API:t, och API-dokumentationen.' },
  { href: '/admin/logg', title: 'Händelselogg', text: 'Vem gjorde vad och när.' },
  { href: '/admin/export', title: 'Export av all data', text: 'Hela organisationen med all historik som ZIP (JSON, CSV och attesterade rapporter).' },
];

export default async function AdminPage() {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'organization', organizationId: user.organizationId })) notFound();
  return (
    <>
      <h1 className="text-2xl font-semibold">Administration</h1>
      <p className="mt-1 text-slate-700">
        Inget med historik raderas: det arkiveras och finns kvar i historiken och i tidigare perioders rapporter.
      </p>
      <ul className="mt-6 grid gap-3 sm:grid-cols-2">
        {SECTIONS.map((section) => (
          <li key={section.href} className="rounded-lg border border-slate-200 bg-white p-4">
            <Link href={section.href} className="font-semibold text-blue-800 underline">
              {section.title}
            </Link>
            <p className="mt-1 text-sm text-slate-700">{section.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
