// Inloggning (admin): how the organization's people sign in. Single sign-on itself is
// configured in the environment (the page says what is set); here the admin decides about
// unknown people and password logins, and edits the table from groups to roles.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getSignInSettings, listGroupMappings } from '@/db/admin/sign-in';
import { listUnitOptions } from '@/db/admin/units';
import { requireUser } from '@/server/session';
import { ssoConfig } from '@/server/sso';
import { can } from '@/lib/policy';
import { roleLabel } from '@/lib/roles';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { ssoServesOrganization } from './sso-serves';
import { AddGroupMappingForm, GroupMappingTable, SignInSettingsForm } from './sign-in-forms';

export const metadata: Metadata = { title: 'Inloggning' };

export default async function SignInAdminPage() {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'organization', organizationId: user.organizationId })) notFound();
  const db = await getDb();
  const config = ssoConfig();
  const [settings, mappings, units, serves] = await Promise.all([
    getSignInSettings(db, user),
    listGroupMappings(db, user),
    listUnitOptions(db, user),
    ssoServesOrganization(db, user.organizationId),
  ]);
  const rows = mappings.map((m) => ({
    id: m.id,
    groupName: m.groupName,
    grant:
      m.role === 'editor'
        ? `${roleLabel(m.role)} för ${m.unitName ?? 'okänd enhet'}${m.unitArchived ? ' (arkiverad, ger ingenting)' : ''}`
        : roleLabel(m.role),
  }));
  return (
    <>
      <AdminBreadcrumb here="Inloggning" />
      <h1 className="mt-2 text-2xl font-semibold">Inloggning</h1>
      <p className="mt-1 text-slate-700">
        Hur kommunens medarbetare loggar in: med kommunens identitetstjänst (OpenID Connect) och med lösenord i Målbild.
      </p>

      <section aria-labelledby="tjanst" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="tjanst" className="text-lg font-semibold">
          Identitetstjänst
        </h2>
        {config && serves ? (
          <dl className="mt-2 grid gap-x-4 text-sm sm:grid-cols-[max-content_1fr] sm:gap-y-1 [&_dd]:mb-2 sm:[&_dd]:mb-0 [&_dt]:font-semibold">
            <dt>Knappen på inloggningssidan</dt>
            <dd>Logga in med {config.displayName}</dd>
            <dt>Utfärdare</dt>
            <dd className="break-all">{config.issuer}</dd>
            <dt>Personen känns igen på</dt>
            <dd>
              {config.matchClaim === 'email'
                ? 'e-postadressen (anspråket email), om identitetstjänsten har bekräftat den'
                : `anspråket ${config.matchClaim}, som ska vara personens e-postadress i Målbild`}
            </dd>
            <dt>Grupper läses från</dt>
            <dd>anspråket {config.groupsClaim}</dd>
          </dl>
        ) : (
          <p className="mt-2 text-sm">
            {config
              ? 'Inloggning via identitetstjänsten är konfigurerad för en annan organisation i den här installationen.'
              : 'Inloggning via identitetstjänsten är inte konfigurerad. Driften anger utfärdare, klient-id, klienthemlighet och namn i serverns miljövariabler (se README); därefter visas knappen på inloggningssidan.'}
          </p>
        )}
      </section>

      <section aria-labelledby="installningar" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="installningar" className="text-lg font-semibold">
          Regler för inloggning
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-700">
          En person som skapas utan behörighet kan logga in men ser ingenting förrän en systemförvaltare ger behörighet, eller
          förrän en grupp i tabellen nedan ger den. Ett inaktiverat konto nekas alltid, även när identitetstjänsten godkänner
          personen.
        </p>
        <SignInSettingsForm unknownPeople={settings.unknownPeople} passwordLogin={settings.passwordLogin} ssoServes={serves} />
      </section>

      <section aria-labelledby="grupper" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="grupper" className="text-lg font-semibold">
          Grupper och roller
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-700">
          När tabellen har minst en rad och identitetstjänsten skickar personens grupper, blir personens behörigheter vid varje
          inloggning exakt de som grupperna ger här; behörigheter som getts för hand ersätts. Gruppens namn skrivs som
          identitetstjänsten skickar det (i Entra ID gruppens objekt-id).
        </p>
        <GroupMappingTable rows={rows} />
        <h3 className="mt-6 font-semibold">Lägg till en grupp</h3>
        <div className="mt-2">
          <AddGroupMappingForm units={units.map((u) => ({ id: u.id, name: u.name, depth: u.depth }))} />
        </div>
      </section>
    </>
  );
}
