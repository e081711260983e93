// The accessibility statement (tillgänglighetsredogörelse), in the structure of DIGG's
// template. Public: the proxy lets it through without a session (PUBLIC_PATHS), and it lies
// outside the signed-in group, so it reads no user and no data. Every page links to it from
// the footer of the root layout; the login page also links to it in its card.
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';

export const metadata: Metadata = { title: 'Tillgänglighet för Målbild' };

const DIGG_REPORT_URL = 'https://www.digg.se/tdosanmalan';
const ASSESSED = '30 november 2026';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      <div className="mt-2 space-y-3">{children}</div>
    </section>
  );
}

export default async function AccessibilityStatement() {
  // Rendered per request, so the page's scripts carry the request's CSP nonce.
  await connection();
  return (
    <main id="innehall" className="mx-auto max-w-3xl px-4 py-8 leading-relaxed">
      <p>
        <Link href="/" className="text-blue-800 underline underline-offset-2">
          Till Målbild
        </Link>
      </p>
      <h1 className="mt-4 text-2xl font-bold">Tillgänglighet för Målbild</h1>
      <div className="mt-3 space-y-3">
        <p>
          Målbild är kommunens system för att följa upp mål, mått och uppdrag. Kommunen som använder Målbild står bakom tjänsten. Vi vill att så
          många som möjligt ska kunna använda den. Här beskriver vi hur Målbild uppfyller lagen (2018:1937) om tillgänglighet till digital
          offentlig service, vilka kända brister som finns och hur du kan rapportera brister till oss så att vi kan åtgärda dem.
        </p>
      </div>

      <Section id="hur-tillganglig" title="Hur tillgänglig är webbplatsen?">
        <p>
          Målbild är <strong>delvis förenlig</strong> med lagen om tillgänglighet till digital offentlig service. Vi vet att delar av tjänsten
          inte är helt tillgängliga. Bristerna beskrivs under rubriken Innehåll som inte är tillgängligt.
        </p>
        <p>
          Tjänsten är byggd för att följa WCAG 2.1 på nivå AA: den går att använda med enbart tangentbord, formulär har synliga etiketter och
          felmeddelanden läses upp, färg bär aldrig ensam en betydelse (måluppfyllelse och trend står alltid även i text), och sidorna fungerar
          på en mobiltelefon utan att man behöver rulla i sidled.
        </p>
      </Section>

      <Section id="vad-kan-du-gora" title="Vad kan du göra om du inte kan använda delar av webbplatsen?">
        <p>
          Om du behöver innehåll från Målbild i ett annat format, till exempel rapporten eller ett måtts historik, kontakta systemförvaltaren
          för Målbild i din kommun (den som har gett dig ditt konto). Du kan också kontakta kommunens registratur. Vi svarar så snart vi kan.
        </p>
      </Section>

      <Section id="rapportera-brister" title="Rapportera brister i webbplatsens tillgänglighet">
        <p>
          Vi strävar hela tiden efter att förbättra tillgängligheten. Om du upptäcker problem som inte är beskrivna på den här sidan, eller om
          du anser att vi inte uppfyller lagens krav, meddela systemförvaltaren för Målbild i din kommun. Berätta vilken sida det gäller, vad
          som inte fungerar och vilket hjälpmedel och vilken webbläsare du använder, så att vi kan åtgärda det.
        </p>
      </Section>

      <Section id="tillsyn" title="Tillsyn">
        <p>
          Myndigheten för digital förvaltning (DIGG) har ansvaret för tillsyn över lagen om tillgänglighet till digital offentlig service. Om
          du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Myndigheten för digital förvaltning och påtala det.
        </p>
        <p>
          Anmäl bristande tillgänglighet hos DIGG:{' '}
          <a href={DIGG_REPORT_URL} className="break-words text-blue-800 underline underline-offset-2">
            {DIGG_REPORT_URL}
          </a>
        </p>
      </Section>

      <Section id="teknisk-information" title="Teknisk information om webbplatsens tillgänglighet">
        <p>Målbild är delvis förenlig med WCAG 2.1 nivå AA, på grund av de brister som beskrivs nedan.</p>
      </Section>

      <Section id="inte-tillgangligt" title="Innehåll som inte är tillgängligt">
        <p>Det innehåll som beskrivs nedan är på ett eller annat sätt inte helt tillgängligt.</p>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <strong>Tidsgräns för inloggningen.</strong> Du loggas ut efter två timmar utan aktivitet och senast tio timmar efter inloggningen,
            utan förvarning. Text som du har skrivit men inte sparat kan då gå förlorad. Tidsgränsen går inte att förlänga själv
            (WCAG 2.2.1). Spara ofta när du skriver långa texter.
          </li>
          <li>
            <strong>Filer att ladda ner.</strong> Rapporten som Word- och Excel-fil och mallarna för import i Excel har rubriker och
            tabellrubriker, men de har inte granskats med skärmläsare. Utskriften av rapporten görs av webbläsaren; en PDF som sparas därifrån
            är inte alltid taggad.
          </li>
          <li>
            <strong>Text som rapportörer skriver.</strong> Analyser och återrapporteringar skrivs av kommunens medarbetare. Rubriknivåer och
            länktexter i dem kan bryta sidans struktur (WCAG 1.3.1 och 2.4.4).
          </li>
          <li>
            <strong>Tabeller på smala skärmar.</strong> På en mobiltelefon visas breda tabeller som staplade rader med rubriken framför varje
            värde. Vissa skärmläsare (till exempel VoiceOver i Safari) läser då inte längre upp dem som tabeller (WCAG 1.3.1).
          </li>
          <li>
            <strong>Diagram.</strong> Diagrammet över ett måtts utfall har en textbeskrivning och samma värden i en tabell bredvid. Själva
            diagrammet går inte att utforska med skärmläsare punkt för punkt.
          </li>
        </ul>
      </Section>

      <Section id="hur-vi-testat" title="Hur vi testat webbplatsen">
        <p>
          Vi har gjort en självskattning (intern testning) av Målbild. Vid varje ändring körs automatiska tester som går igenom alla sidor för
          alla roller med verktyget axe, även på 390 pixlars bredd och med felmeddelanden framme, och som kontrollerar att ingen sida behöver
          rullas i sidled på en mobiltelefon. De viktigaste uppgifterna (logga in, rapportera ett utfall med analys, klarmarkera, skicka
          tillbaka och attestera) testas med enbart tangentbord.
        </p>
        <p>
          Vi har inte låtit någon extern part granska tjänsten och vi har inte testat den tillsammans med användare av skärmläsare eller andra
          hjälpmedel.
        </p>
        <p>Den senaste bedömningen gjordes den {ASSESSED}. Redogörelsen uppdaterades senast den {ASSESSED}.</p>
      </Section>
    </main>
  );
}
