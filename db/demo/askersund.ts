// The demo data set: the "Mål och uppdrag" section of Askersunds kommun's
// Kommunstyrelsen, delårsbokslut 2024-01-01 – 2024-08-31 (../shared/seeds), verbatim.
// Fields the seed does not give are left out: no invented history, due dates,
// diarienummer or statuses. Generated once from the seed text and then kept by hand.
import type { DemoData } from './types';
import { askersundChapters } from './askersund-document';
import { askersundFinance } from './askersund-finance';

const KS = 'KS';
const KLF = 'KS-KLF';
const HR = 'KS-KLF-HR';
const AME = 'KS-KLF-AME';
const NK = 'KS-KLF-NK';
const SUF = 'SUF';

/**
 * The demo accounts' password, printed at every start while it still works and listed in
 * the README. A real installation creates its own users.
 */
export const DEMO_PASSWORD = 'Askersund-2024';

/** Where the seed shows an arrow but Målbild holds no earlier value to compare with. */
const ARROW_FROM_REPORT = 'Trendpilen enligt Kommunstyrelsens delårsbokslut 2024-08-31.';

export const askersund: DemoData = {
  organization: { code: 'askersund', name: 'Askersunds kommun' },
  municipalityCode: '1882', // Askersund in SCB's and Kolada's kommun codes
  units: [
    { code: KS, kind: 'board', name: 'Kommunstyrelsen' },
    { code: KLF, kind: 'department', name: 'Kommunledningsförvaltningen', parent: KS },
    { code: HR, kind: 'unit', name: 'HR-avdelningen', parent: KLF },
    { code: AME, kind: 'unit', name: 'Arbetsmarknadsenheten', parent: KLF },
    { code: NK, kind: 'unit', name: 'Näringsliv och kommunikation', parent: KLF },
    { code: 'KS-KLF-US', kind: 'unit', name: 'Utvecklingsstaben', parent: KLF },
    { code: 'SN', kind: 'board', name: 'Socialnämnden' },
    { code: 'SN-SF', kind: 'department', name: 'Socialförvaltningen', parent: 'SN' },
    { code: SUF, kind: 'external', name: 'Sydnärkes utbildningsförbund' },
  ],
  users: [
    { email: 'admin@askersund.example', name: 'Sara Systemförvaltare', title: 'Systemförvaltare', role: 'admin' },
    { email: 'kommundirektor@askersund.example', name: 'Karin Kommundirektör', title: 'Kommundirektör', role: 'director' },
    { email: 'ledamot@askersund.example', name: 'Lars Ledamot', title: 'Ledamot i kommunstyrelsen', role: 'viewer' },
    { email: 'hr-chef@askersund.example', name: 'Helena HR-chef', title: 'HR-chef', role: 'editor', units: [HR] },
    { email: 'ame-chef@askersund.example', name: 'Anders AME-chef', title: 'AME-chef', role: 'editor', units: [AME] },
    { email: 'naringslivschef@askersund.example', name: 'Nora Näringslivschef', title: 'Näringslivschef', role: 'editor', units: [NK] },
  ],
  periods: [
    { year: 2024, kind: 'T1', endDate: '2024-04-30', state: 'closed' },
    { year: 2024, kind: 'delar', endDate: '2024-08-31', state: 'open' },
    { year: 2024, kind: 'helar', endDate: '2024-12-31', state: 'draft' },
  ],
  focusAreas: [
    // The seed's own words: "Målområde 1 - god ekonomisk hushållning" (not re-cased).
    { code: 'MO1', number: 1, name: 'god ekonomisk hushållning', validFrom: 2024 },
    { code: 'MO2', number: 2, name: 'De kommunala kärnverksamheterna', validFrom: 2024 },
    { code: 'MO2-SO', name: 'Social omsorg', parent: 'MO2', validFrom: 2024 },
    { code: 'MO3', number: 3, name: 'Tillväxt och demografi', validFrom: 2024 },
    { code: 'MO4', number: 4, name: 'Specifika utvecklingsområden', validFrom: 2024 },
    // In the seed's order (the Ordning the report follows): Digitalisering before Integration.
    { code: 'MO4-DIG', name: 'Digitalisering', parent: 'MO4', validFrom: 2024 },
    { code: 'MO4-INT', name: 'Integration', parent: 'MO4', validFrom: 2024 },
  ],
  councilGoals: [
    {
      code: 'KF-MO1-ARBETSGIVARE',
      focusArea: 'MO1',
      text: 'En attraktiv arbetsgivare och en god arbetsmiljö.',
      phrase: "om en attraktiv arbetsgivare och en god arbetsmiljö",
      validFrom: 2024,
    },
    {
      code: 'KF-MO2-SYSSELSATTNING',
      focusArea: 'MO2',
      text: 'Alla invånare ska kunna ha en meningsfull sysselsättning och i förlängningen nå egen försörjning.',
      phrase: "om att alla invånare ska kunna ha en meningsfull sysselsättning och i förlängningen nå egen försörjning",
      validFrom: 2024,
    },
    {
      code: 'KF-MO3-ATTRAKTIV',
      focusArea: 'MO3',
      text: "Vi är en attraktiv kommun att arbeta och leva i.",
      validFrom: 2024,
    },
    {
      code: 'KF-MO4-INTEGRATION',
      focusArea: 'MO4-INT',
      text: 'Nya invånare ska lära sig god svenska och i hög grad kunna nå egen försörjning.',
      phrase: "om att nya invånare ska lära sig god svenska och i hög grad kunna nå egen försörjning",
      validFrom: 2024,
    },
  ],
  plan: { code: 'KS-2024', board: KS, year: 2024 },
  reportingPeriod: { year: 2024, kind: 'delar' },
  goals: [
    {
      code: 'KS-2024-M1',
      number: 1,
      focusArea: 'MO1',
      text: "Sjukskrivningstalen ska vara under 5 procent för kommunledningsförvaltningens medarbetare exklusive AME och under 7 procent för medarbetarna på AME.",
      methodText: "Sjukfrånvaron i procent, hämtas från personalsystemet. För att målet ska vara uppfyllt ska målnivåerna för både kommunledningsförvaltningens sjukfrånvaro exklusive AME samt AME vara uppnådda.",
      rule: 'all',
      bearsOn: ['KF-MO1-ARBETSGIVARE'],
      units: [HR],
      indicators: [
        {
          code: 'KS-2024-M1-I1',
          name: "Sjukfrånvaro exkl. AME, procent",
          unitOfMeasure: 'procent',
          decimals: 2,
          comparator: 'lt',
          targetValue: 5,
          targetLabel: "Lägre än 5,00",
          frequency: 'every_period',
          source: 'other',
          sourceRef: 'Personalsystemet',
          responsibleUnit: HR,
          value: { outcome: 1.86, chosenTrend: 'better', trendJustification: ARROW_FROM_REPORT },
        },
        {
          code: 'KS-2024-M1-I2',
          name: "Sjukfrånvaro AME, procent",
          unitOfMeasure: 'procent',
          decimals: 2,
          comparator: 'lt',
          targetValue: 7,
          targetLabel: "Lägre än 7,00",
          frequency: 'every_period',
          source: 'other',
          sourceRef: 'Personalsystemet',
          responsibleUnit: HR,
          value: { outcome: 6.59, chosenTrend: 'better', trendJustification: ARROW_FROM_REPORT },
        },
      ],
    },
    {
      code: 'KS-2024-M2',
      number: 2,
      focusArea: 'MO1',
      text: "Kommunledningsförvaltningens HME-resultat ska öka eller minst vara kvar på samma nivå som året innan.",
      methodText: "HME = hållbart medarbetarengagemang. Resultat från enkät som skickas ut till alla medarbetare från och med hösten 2022.",
      rule: 'all',
      bearsOn: ['KF-MO1-ARBETSGIVARE'],
      units: [HR],
      indicators: [
        {
          code: 'KS-2024-M2-I1',
          name: "HME-resultat, index",
          unitOfMeasure: 'index',
          decimals: 0,
          comparator: 'not_worse',
          direction: 'higher',
          targetLabel: "80 eller högre",
          frequency: 'every_period',
          baselineValue: 80,
          baselineYear: 2023,
          source: 'manual',
          responsibleUnit: HR,
          value: { outcome: null, analysis: "Mätningen för 2024 genomförs under hösten. Förvaltningens resultat var 80 för 2023" },
        },
      ],
    },
    {
      code: 'KS-2024-M3',
      yearRow: true, // the seed's table: "Mål | Utfall" and "År | 2024 | 2024" under it
      number: 3,
      focusArea: 'MO2',
      text: "Deltagarna inom arbetsmarknadsenheten ska nå en stegförflyttning.",
      methodText: "Resultat vid avslut i kommunens arbetsmarknadsverksamhet, deltagare som börjar arbeta eller studera, andel (%), nyckeltal i Kolada.",
      rule: 'all',
      bearsOn: ['KF-MO2-SYSSELSATTNING'],
      units: [AME],
      indicators: [
        {
          code: 'KS-2024-M3-I1',
          name: "Andel deltagare som går vidare till arbete eller studier, procent",
          unitOfMeasure: 'procent',
          decimals: 0,
          comparator: 'gt',
          targetValue: 20,
          targetLabel: ">20",
          frequency: 'every_period',
          source: 'kolada',
          responsibleUnit: AME,
          value: { outcome: 15, analysis: "Med vikande konjunktur har arbetet med att lotsa arbetslösa mot arbete utanför AME blivit svårare. För att få fler att ta steget mot studier, så kommer studie och yrkesvägledaren på Allévux vara på plats i AME:s lokaler från vecka 38." },
        },
      ],
    },
    {
      code: 'KS-2024-M4',
      yearRow: true, // the seed's table: "Mål | Utfall" and "År | 2024 | 2024" under it
      number: 4,
      focusArea: 'MO4-INT',
      text: "Kommunens nya invånare ska lära sig god svenska och kunna få en egen försörjning",
      methodText: "Elever från Askersund på SFI som klarat minst två kurser, av nybörjare två år tidigare, andel % samt arbetslöshet för utrikes födda (statistik från Arbetsförmedlingen).",
      rule: 'all',
      bearsOn: ['KF-MO4-INTEGRATION'],
      units: [SUF, KLF],
      indicators: [
        {
          code: 'KS-2024-M4-I1',
          name: "Elever som klarar minst två kurser, procent",
          unitOfMeasure: 'procent',
          decimals: 0,
          comparator: 'gte',
          targetValue: 100,
          targetLabel: "100",
          frequency: 'every_period',
          source: 'manual',
          responsibleUnit: SUF,
          value: { outcome: 58, analysis: "Senaste mätningen är från 2023 och avser alla SFI elever vid Alléskolan. Vid föregående mätningen från 2021 var resultatet 78 %" },
        },
        {
          code: 'KS-2024-M4-I2',
          name: "Den öppna arbetslösheten bland utrikes födda i kommunen ska vara bland de 25 % lägsta i länet.",
          decimals: 0,
          comparator: 'lte',
          targetValue: 25,
          targetLabel: "25",
          frequency: 'every_period',
          source: 'other',
          sourceRef: 'Arbetsförmedlingen',
          responsibleUnit: KLF,
          value: { outcome: 33, analysis: "8 av 12 kommuner i länet har lägre arbetslöshet för gruppen utrikes födda än Askersund" },
        },
      ],
    },
  ],
  assignments: [
    {
      code: 'KF-U-SOCIAL-OMSORG',
      issuer: 'council',
      title: "Socialnämnden och kommunstyrelsen ska gemensamt redovisa till kommunfullmäktige det arbete som görs mot ungdomar och vuxna som riskerar inte nå målet. Redovisa effekter av arbetet och eventuella trender.",
      focusArea: 'MO2-SO',
      units: ['SN', KS],
      reports: [{ unit: 'SN', heading: "Återrapporering från socialförvaltningen", body: "Aktuellt uppdrag möts primärt upp genom förvaltningens ungdomscoach, vars uppdrag är att verka förebyggande inom den sociala insatsarenan där insatserna bygger en stor del på samverkan och samarbete med andra viktiga aktörer, till exempel barn och utbildningsförvaltningen, förvaltningen för kultur, evenemang och fritid samt polisen.\n\nMålbild är tidig upptäckt och motivation till tidiga insatser för att undvika mer omfattande behov längre fram i livet. Utifrån att tjänsten har varit vakant sedan april så har det inte initierats några nya aktiviteter inom området. Fokus fram tills vakanshållningen har varit medverkan i skolsocialt team, specifikt insatser för elever med hög frånvaro, samt gruppverksamhet på skolorna, Åsbro, Närlunda och Rönneshytta. Gruppverksamheterna har varit riktade mot barn till separerade föräldrar samt konceptet ”kärlek börjar aldrig med bråk”." }],
    },
    {
      code: 'KF-U-DIGITAL-INFRASTRUKTUR',
      issuer: 'council',
      title: "Kommunstyrelsen ska redovisa arbetet som gjorts och vad som har åstadkommit för ökad tillgång till digital infrastruktur i kommunen.",
      focusArea: 'MO3',
      units: [KS],
      reports: [{ unit: KS, heading: "Uppföljning om vad som gjorts och vad som har åstadkommit för ökad tillgång till digital infrastruktur i kommunen.", body: "All utbyggnad av bredband görs av enskilda aktörer på kommersiell grund. Marknaden domineras av några få stora aktörer. I syfte att påskynda utbyggnaden har staten genom Post- och telestyrelsen (PTS) de senaste åren lämnat bidrag till dessa. Bidraget är konstruerat så att de projekt som kostar minst per anslutning prioriteras. Det innebär att effekten av bidraget vad gäller antal anslutningar bli maximal, men samtidigt kommer bidraget inte hjälpa de med sämre förutsättningar till anslutning.\n\nRegionen kan i viss utsträckning prioritera byggnader för bredbandstöd. Askersunds kommun har ett bra samarbete med dem och gör detta gemensamt. Kommunen prioriterar områden där det finns förutsättningar för att stödet ska resultera i utbyggnad. Det är inte meningsfullt att prioritera de med sämst förutsättningar eftersom det bara resulterar i att stödet hamnar någon annanstans. Förvaltningen arbetar för att få till stånd så mycket utbyggnad som möjligt. Det sker genom att i kontakt med de aktörer som är verksamma inom kommunen peka på områden som kan vara intressanta för utbyggnad. En annan uppgift är att underlätta kontakter mellan allmänheten och aktörerna vad gäller möjlighet till anslutning, markavtal och synpunkter i samband med de utbyggnadsprojekt som genomförs.\n\nÅr 2022 utgick 9,5 miljoner kronor i statligt stöd till projekt i Askersunds kommun. Motsvarande belopp för 2023 är 7,2 miljoner kronor. Uppgifter för 2024 finns inte tillgängliga till delårsbokslutet. Bidrag utgår till som mest 50 procent av kostnaden varför den möjliga totala volymen är större. De här siffrorna säger inte så mycket om utvecklingen eftersom alla projekt inte blir av och att det sker utbyggnad på rent kommersiell grund utan statligt stöd.\n\nMellan 2022 och 2023 har andelen hushåll i kommunen med bredband via fiber ökat från 63,7 procent till 69,0 procent, dvs med 5,3 procentenheter. I länet har andelen ökat från 85,6 procent till 88,5 procent, dvs med knappt tre procentenheter. Siffrorna avser anslutning via fiber, inte andra accesstekniker. Då det är upp till fastighetsägaren att avgöra om man vill teckna sig för indragning av fiber är statistiken något missvisande. Därför mäts även till gång till fiber eller fiber i absolut närhet, där alltså även fastigheter räknas, som enkelt kan få fiber om de vill. Mellan 2022 och 2023 har denna siffra ökat från 83,5 procent till 91,0 procent, en ökning med 7,5 procentenheter. Motsvarande siffra för regionen är 94,9 respektive 97,7 procent, vilket ger en ökning om 2,8 procentenheter. Statistiken kommer från PTS.\n\nUnder 2023 har åtta ansökningar lämnats till PTS om utbyggnadsprojekt i kommunen. I länet var det totalt 60 ansökningar. Uppgifter för 2024 finns inte tillgängliga till delårsbokslutet." }],
    },
    {
      code: 'KF-U-DIGITALISERING',
      issuer: 'council',
      title: "Varje verksamhet behöver ta fram en strategi och plan för hur man i det ordinarie arbetet ska främja digitala lösningar.",
      focusArea: 'MO4-DIG',
      units: [KS],
      reports: [{ unit: KS, heading: "Uppföljning om vad som gjorts för att främja digitala lösningar.", body: "Under fjolåret har SKR (Sveriges Kommuner och Regioner), tillsammans med Adda och Inera, samlat Sveriges kommuner för en bred dialog kring digitaliseringens roll i välfärdsutvecklingen. Detta arbete har lett fram till den strategiska agendan kallad *Kommungemensamt handslag för välfärdsutveckling genom digitalisering*, vilket SKR styrelse formellt beslutade om den 15 december 2023.\n\nHandslaget syftar till att stärka den digitala transformationen inom offentlig sektor och är ett resultat av ett omfattande samarbete där kommunerna har identifierat gemensamma behov och utmaningar. Agendan innefattar en handlingsplan med 13 konkreta initiativ, vilka spänner över områden som socialtjänst, skola, infrastruktur och kompetensförsörjning inom digitalisering.\n\nVarje kommun har haft möjlighet att identifiera och prioritera de initiativ som de anser mest angelägna. Över 80 procent av landets kommuner har deltagit i denna process, vilket har resulterat i att sex initiativ har prioriterats för den första versionen av en *kommungemensam utvecklingsportfölj*. Denna portfölj kommer successivt att utökas och anpassas i takt med att nya behov identifieras och ytterligare satsningar paketeras som erbjudanden.\n\nPrioriterade initiativ inom handslaget:\n\n1. Nationell identitets- och behörighetshantering\n2. Införande av SDK (Standardiserade Digitala Kommunikationen) i socialtjänsten\n3. Inrättande av kompetensgemenskaper\n4. Breddinförande av välfärdsteknik\n5. Gemensam informationsförsörjning, med ekonomiskt bistånd som första fokusområde\n6. Införande av digital post\n7. Akutstöd – Digitala nationella prov (DNP)\n\n### Vårt arbete och engagemang i Askersunds kommun\n\nEfter en dialog med övriga kommuner inom Sydnärke har vi beslutat att ansluta oss till samtliga sju initiativ. För att möjliggöra detta krävs ett noggrant arbete med att organisera vår lokala implementering och genomföra en nyttoanalys som tydliggör hur dessa initiativ kan bidra till vår verksamhet och invånare.\n\nDet initiativ som har varit mest aktuellt under det gångna året är *införandet av SDK inom socialtjänsten*. Här har vi bland annat deltagit i en pilotstudie på initiativ av Region Örebro län. Vi ser en stor potential i att använda SDK för att effektivisera kommunikationen både internt och med externa aktörer, inte bara inom socialtjänsten, utan även i ett bredare perspektiv inom andra välfärdsområden. För närvarande pågår en dialog med de övriga Sydnärke-kommunerna om ett samarbete kring förstudie och projektspecifikation för införandet.\n\n### Nästa steg\n\nNästa steg i vårt arbete är att fortsätta fördjupa dialogen med våra samverkanskommuner och påbörja den lokala planeringen för samtliga initiativ. Vi kommer också att arbeta fram en detaljerad nyttoanalys som baseras på våra specifika förutsättningar, vilket kommer att ligga till grund för den praktiska implementeringen. Parallellt med detta fortsätter vi arbetet med SDK inom socialtjänsten, där vi siktar på att konkretisera projektets omfattning och tidsplanering tillsammans med våra samarbetspartners i Sydnärke." }],
    },
    {
      code: 'KS-U-NAMNRATTIGHETER',
      issuer: 'board',
      issuerBoard: KS,
      title: "Intensifiera arbetet med att sälja namnrättigheterna m.m. till den nya idrottshallen",
      description: "Kommunfullmäktige har i samband med beslut om byggnation av den nya idrottshallen öppnat upp för möjligheten att låta den privata sektorn sponsra driften av den nya hallen. Den ekonomiska stötningen kommer i första hand föreningslivet till del då det avser de utökade kostnaderna för läktarplatser.",
      groupLabel: "Pågående uppdrag från föregående verksamhetsplan",
      units: [KLF],
      reports: [{ unit: KLF, body: "Kommunstyrelsen har beslutat att under en avtalstid på 6 år upplåta namnrätten avseende Närlunda Arena till Bergqvist Järn & Byggmaterial AB och godkänna arenanamnet XL-Bygg Bergqvist Arena. Utöver det finns intresserade som vill sponsra genom skyltning/exponering av varumärke samt stolar. Under hösten skrivs avtal och skyltar monteras." }],
    },
    {
      code: 'KS-U-LANDSBYGD',
      issuer: 'board',
      issuerBoard: KS,
      title: "Arbeta fram en samlad strategi för hur vi som kommunorganisation kan stärka byar och orter på landsbygden utifrån de förutsättningar som finns i respektive by eller ort.",
      description: "Askersunds kommun har sedan lång tid tillbaka ett byaråd där representanter från kommunen träffar byaråd och andra föreningar. Råden används i första hand som ett forum för utbyte av information. Genom att ta fram en mer fokuserad strategi kan vi på ett mer träffsäkert sätt tillsammans med byarna och orterna arbeta för att tillsammans utveckla landsbygden.",
      groupLabel: "Pågående uppdrag från föregående verksamhetsplan",
      units: [KLF],
      // "har ännu inte startat": the seed's own words give the status.
      reports: [{ unit: KLF, status: 'not_started', body: "Den nya översiktsplanen skrivs med ett starkt landsbygdsfokus. Arbetet med en strategi för att stärka orterna har ännu inte startat men planeras att påbörjas under hösten 2024 och kommer delvis att utgå från vad som kommit in i översiktsplaneprocessen." }],
    },
    {
      code: 'KS-U-STYRMODELL',
      issuer: 'board',
      issuerBoard: KS,
      title: "Färdigställa styrmodellen för Askersunds kommun.",
      description: "Under 2023 startade arbetet med att färdigställa en styrmodell för Askersunds kommun. Arbetet genomförs av en arbetsgrupp från förvaltningen tillsammans med en politisk referensgrupp. Målbilden är att ha ett beslut under våren 2024.",
      groupLabel: "Andra pågående uppdrag",
      units: [KLF],
      reports: [{ unit: KLF, body: "Under 2024 har vi tagit viktiga steg mot att färdigställa kommunens styrmodell genom att utveckla en gemensam ny målsättnings- och budgeteringsmodell. Detta arbete involverar alla kommunens nämnder, som genom extranämnder i augusti har bidragit med input.\n\nProcessen ledde fram till en workshop med budgetberedningen den 3 september, där syften, begrepp och roller diskuterades för att skapa en tydlig grund för styrmodellen.\n\n### Utveckling av ny målsättnings- och budgeteringsmodell\n\nMålstrukturen är tänkt fungera som en central plattform för kommunens styrning och samordning. Den syftar till att:\n\n- Styrning: Samla kommunens verksamheter kring gemensamma mål och strategier.\n- Prioritering: Möjliggöra fokus på strategiska områden som främjar invånarnas välmående och kommunens utveckling.\n- Mätning: Skapa tydliga indikatorer för uppföljning och utvärdering.\n- Organisering: Definiera ansvar och roller för effektiv resursanvändning.\n\n### Roller och ansvar\n\nAmbitionen med den kommande modellen är en tydlig rollfördelning mellan förtroendevalda och tjänstemannaorganisationen för att säkerställa effektivt genomförande av beslut.\n\n### Kommunikation och inkludering\n\nPlattformen behöver främja en tydlig kommunikation och ökad transparens. Genom att formulera mål som är enkla att förstå, skapas engagemang både internt och externt, vilket stärker delaktigheten och förtroendet för kommunens arbete.\n\nBeslut om inriktning kommer att fattas under oktober-24." }],
    },
    {
      code: 'KS-U-UNDERSKOTT',
      issuer: 'board',
      issuerBoard: KS,
      decisionDate: '2023-10-06',
      title: "Handlingsplaner för att minska kommunens befarade underskott 2024.",
      description: "Enligt beslut i kommunstyrelsen 2023-10-06 ska kommundirektören tillsammans med kommunledningsgruppen gemensamt ta fram prioriterade handlingsplaner för att minska kommunens befarade underskott för 2024. Målbilden är att ha ett förslag till reviderad budget klart så att det kan behandlas av kommunfullmäktige 25 mars 2024.",
      groupLabel: "Andra pågående uppdrag",
      units: [KLF],
      reports: [{ unit: KLF, body: "I enlighet med kommunledningsgruppens förslag så beslutade fullmäktige 25 mars för kommunstyrelsen och uppmanade övriga nämnder till effektiviseringsåtgärder totalt motsvarande 5,2 mkr för 2024." }],
    },
  ],
  textBlocks: [
    { slot: 'goals_intro', body: "Uppföljning av nämndens egna mål enligt verksamhetsplan för 2024." },
    { slot: 'focus_area_note', focusArea: 'MO3', body: "Det finns inget mål angivet för kommunstyrelsen avseende detta. Arbetet med att uppnå målet genomförs med aktiviteter inom bland annat näringsliv- och kommunikationsavdelningen som är en sammanhållande funktion/resurs för att tillsammans med övriga förvaltningar verka för att uppnå målet. För att befolkningen i yrkesverksam ålder ska öka arbetar kommunstyrelsen med strategisk och fysisk planering." },
    { slot: 'overall_perspective', heading: 'Övergripande perspektiv', body: "Att arbeta för ökad tillgänglighet, allas lika värde och god folkhälsa har länge varit och ska fortsätta vara centralt i det arbete som sker politiskt och i kommunens verksamheter. Dessa perspektiv genomsyrar det dagliga arbete som utförs. Vid om- och nybyggnation av kommunala byggnader tas hänsyn till tillgänglighetsaspekter för att säkerställa att så många som möjligt kan använda och ta del av våra lokaler. Som exempel kan nämnas att vid om/nybyggnation av Närlundaskolan har byggnaden anpassats med extra ljuddämpande utrustning, färgval och inredning som skapar en ”stillsam” inomhus miljö vilket är gynnsamt för alla men särskilt för barn med neuropsykiatriska funktionsnedsättningar, NPF-diagnoser. Alla texter som finns i det medarbetarprogram som alla medarbetare ska genomgå har fått inläst text för att öka tillgängligheten för de som har svårt att läsa. Även nya e-tjänster har utvecklats för att öka tillgängligheten och det finns nu fler vägar att kontakta kommunen. Kommunens nya webbplats lanserades under föregående år och 2024 har kommunens intranät lanserats. Den gamla var nästan tio år gammal. Mycket har hänt sedan den gjordes, inte minst inom tillgänglighetsområdet. Den här gången har det perspektivet varit en av grunderna och kommunens webbplats ska leva upp till det som kallas för DOS-lagen, lagen om digital tillgänglighet till offentlig service." },
    { slot: 'assignments_intro', body: "Kommunstyrelsens resurser för att genomföra sitt uppdrag utifrån det av kommunfullmäktige fastställda reglementet finns organiserade inom kommunledningsförvaltningen samt i vissa delar den tekniska förvaltningen, förvaltningen för kultur, evenemang och fritid samt samhällsbyggnadsförvaltningen." },
  ],
  chapters: askersundChapters,
  finance: askersundFinance,
};
