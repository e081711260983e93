// A handcrafted report for Kommunstyrelsen, Delår 2024, shaped like the seed's "Mål och uppdrag"
// section: Mål 1 with two measured indicators (1,86 and 6,59), Mål 2 without an outcome, a
// målområde without goals, the Digitalisering assignment with its numbered list, a sub-area
// with a goal, a text section and two groups of board assignments.
import type { ReportModel } from '@/lib/report-model';
import type { WorkbookModel } from '@/lib/report-workbook-model';
import { workbookReportParts } from '@/lib/report-workbook-build';

export const DIGITALISERING_MD = [
  'Under fjolåret har SKR (Sveriges Kommuner och Regioner), tillsammans med Adda och Inera, samlat Sveriges kommuner för en bred dialog kring digitaliseringens roll i välfärdsutvecklingen. Detta arbete har lett fram till den strategiska agendan kallad *Kommungemensamt handslag för välfärdsutveckling genom digitalisering*, vilket SKR styrelse formellt beslutade om den 15 december 2023.',
  '',
  'Varje kommun har haft möjlighet att identifiera och prioritera de initiativ som de anser mest angelägna. Över 80 procent av landets kommuner har deltagit i denna process, vilket har resulterat i att sex initiativ har prioriterats för den första versionen av en *kommungemensam utvecklingsportfölj*.',
  '',
  'Prioriterade initiativ inom handslaget:',
  '',
  '1. Nationell identitets- och behörighetshantering',
  '2. Införande av SDK (Standardiserade Digitala Kommunikationen) i socialtjänsten',
  '3. Inrättande av kompetensgemenskaper',
  '4. Breddinförande av välfärdsteknik',
  '5. Gemensam informationsförsörjning, med ekonomiskt bistånd som första fokusområde',
  '6. Införande av digital post',
  '7. Akutstöd – Digitala nationella prov (DNP)',
  '',
  '### Vårt arbete och engagemang i Askersunds kommun',
  '',
  'Det initiativ som har varit mest aktuellt under det gångna året är *införandet av SDK inom socialtjänsten*. Mer om SDK finns hos [Inera](https://www.inera.se/).',
  '',
  '### Nästa steg',
  '',
  'Nästa steg i vårt arbete är att fortsätta fördjupa dialogen med våra samverkanskommuner och påbörja den lokala planeringen för samtliga initiativ.',
].join('\n');

export const DIGITALISERING_ITEMS = [
  'Nationell identitets- och behörighetshantering',
  'Införande av SDK (Standardiserade Digitala Kommunikationen) i socialtjänsten',
  'Inrättande av kompetensgemenskaper',
  'Breddinförande av välfärdsteknik',
  'Gemensam informationsförsörjning, med ekonomiskt bistånd som första fokusområde',
  'Införande av digital post',
  'Akutstöd – Digitala nationella prov (DNP)',
];

export const STYRMODELL_MD = [
  'Processen ledde fram till en workshop med budgetberedningen den 3 september, där syften, begrepp och roller diskuterades för att skapa en tydlig grund för styrmodellen.',
  '',
  'Utveckling av ny målsättnings- och budgeteringsmodell Målstrukturen är tänkt fungera som en central plattform för kommunens styrning och samordning. Den syftar till att:',
  '',
  '- **Styrning:** Samla kommunens verksamheter kring gemensamma mål och strategier.',
  '- **Prioritering:** Möjliggöra fokus på strategiska områden som främjar invånarnas välmående och kommunens utveckling.',
  '- **Mätning:** Skapa tydliga indikatorer för uppföljning och utvärdering.',
  '- **Organisering:** Definiera ansvar och roller för effektiv resursanvändning.',
  '',
  'Beslut om inriktning kommer att fattas under oktober-24.',
].join('\n');

const BEARING_ARBETSGIVARE = 'om en attraktiv arbetsgivare och en god arbetsmiljö';

export function reportFixture(overrides: Partial<ReportModel> = {}): ReportModel {
  return {
    version: 1,
    boardName: 'Kommunstyrelsen',
    boardGenitive: 'Kommunstyrelsens',
    period: { year: 2024, kind: 'delar', label: 'Delår 2024', endDate: '2024-08-31' },
    preliminary: false,
    approvedAt: '2024-09-20T10:15:00.000Z',
    intro: 'Uppföljning av nämndens egna mål enligt verksamhetsplan för 2024.',
    focusAreas: [
      {
        number: 1,
        name: 'God ekonomisk hushållning',
        councilGoals: ['Kommunen är en attraktiv arbetsgivare med en god arbetsmiljö.'],
        notes: [],
        goals: [
          {
            title: 'Kommunstyrelsens mål 1',
            text: 'Sjukskrivningstalen ska vara under 5 procent för kommunledningsförvaltningens medarbetare exklusive AME och under 7 procent för medarbetarna på AME.',
            bearings: [BEARING_ARBETSGIVARE],
            methodText:
              'Sjukfrånvaron i procent, hämtas från personalsystemet. För att målet ska vara uppfyllt ska målnivåerna för både kommunledningsförvaltningens sjukfrånvaro exklusive AME samt AME vara uppnådda.',
            addressedTo: ['HR-avdelningen'],
            subArea: null,
            colour: 'green',
            forecastColour: 'green',
            analysis: 'Båda målnivåerna är nådda.',
            indicators: [
              {
                name: 'Sjukfrånvaro exkl. AME, procent',
                targetLabel: 'Lägre än 5,00',
                decimals: 2,
                unitOfMeasure: 'procent',
                outcome: 1.86,
                colour: 'green',
                trend: 'better',
                analysis: null,
                referenceNote: null,
              },
              {
                name: 'Sjukfrånvaro AME, procent',
                targetLabel: 'Lägre än 7,00',
                decimals: 2,
                unitOfMeasure: 'procent',
                outcome: 6.59,
                colour: 'green',
                trend: 'better',
                analysis: null,
                referenceNote: null,
              },
            ],
          },
          {
            title: 'Kommunstyrelsens mål 2',
            text: 'Kommunledningsförvaltningens HME-resultat ska öka eller minst vara kvar på samma nivå som året innan.',
            bearings: [BEARING_ARBETSGIVARE],
            methodText:
              'HME = hållbart medarbetarengagemang. Resultat från enkät som skickas ut till alla medarbetare från och med hösten 2022.',
            addressedTo: ['HR-avdelningen'],
            subArea: null,
            colour: null,
            forecastColour: null,
            analysis: null,
            indicators: [
              {
                name: 'HME-resultat, index',
                targetLabel: '80 eller högre',
                decimals: 0,
                unitOfMeasure: 'index',
                outcome: null,
                colour: 'grey',
                trend: null,
                analysis: 'Mätningen för 2024 genomförs under hösten. Förvaltningens resultat var 80 för 2023',
                referenceNote: null,
              },
            ],
          },
        ],
        councilAssignments: [],
      },
      {
        number: 2,
        name: 'De kommunala kärnverksamheterna',
        councilGoals: [],
        notes: [],
        goals: [
          {
            title: 'Kommunstyrelsens mål 3',
            text: 'Deltagarna inom arbetsmarknadsenheten ska nå en stegförflyttning.',
            bearings: ['om att alla invånare ska kunna ha en meningsfull sysselsättning och i förlängningen nå egen försörjning'],
            methodText:
              'Resultat vid avslut i kommunens arbetsmarknadsverksamhet, deltagare som börjar arbeta eller studera, andel (%), nyckeltal i Kolada.',
            addressedTo: ['Arbetsmarknadsenheten'],
            subArea: null,
            colour: 'red',
            forecastColour: 'yellow',
            analysis: null,
            indicators: [
              {
                name: 'Andel deltagare som går vidare till arbete eller studier, procent',
                targetLabel: 'Högre än 20',
                decimals: 0,
                unitOfMeasure: 'procent',
                outcome: 15,
                colour: 'red',
                trend: 'worse',
                analysis:
                  'Med vikande konjunktur har arbetet med att lotsa arbetslösa mot arbete utanför AME blivit svårare.',
                referenceNote: null,
              },
            ],
          },
        ],
        councilAssignments: [
          {
            focusAreaLabel: 'Målområde 2 - De kommunala kärnverksamheterna: Social omsorg',
            title:
              'Socialnämnden och kommunstyrelsen ska gemensamt redovisa till kommunfullmäktige det arbete som görs mot ungdomar och vuxna som riskerar inte nå målet.',
            status: 'in_progress',
            reports: [
              {
                unitName: 'Socialförvaltningen',
                status: 'in_progress',
                heading: 'Återrapportering från socialförvaltningen',
                body: 'Aktuellt uppdrag möts primärt upp genom förvaltningens ungdomscoach.',
              },
            ],
          },
        ],
      },
      {
        number: 3,
        name: 'Tillväxt och demografi',
        councilGoals: ['Vi är en attraktiv kommun att arbeta och leva i.'],
        notes: [
          {
            heading: null,
            body: 'Det finns inget mål angivet för kommunstyrelsen avseende detta.',
          },
        ],
        goals: [],
        councilAssignments: [],
      },
      {
        number: 4,
        name: 'Specifika utvecklingsområden',
        councilGoals: [],
        notes: [],
        goals: [
          {
            title: 'Kommunstyrelsens mål 4',
            text: 'Kommunens nya invånare ska lära sig god svenska och kunna få en egen försörjning',
            bearings: ['om att nya invånare ska lära sig god svenska och i hög grad kunna nå egen försörjning'],
            methodText: 'Elever från Askersund på SFI som klarat minst två kurser, av nybörjare två år tidigare, andel %.',
            addressedTo: ['Sydnärkes utbildningsförbund', 'Kommunledningsförvaltningen'],
            subArea: 'Integration',
            colour: 'yellow',
            forecastColour: null,
            analysis: null,
            indicators: [
              {
                name: 'Elever som klarar minst två kurser, procent',
                targetLabel: '100',
                decimals: 0,
                unitOfMeasure: 'procent',
                outcome: 58,
                colour: 'yellow',
                trend: 'same',
                analysis: 'Senaste mätningen är från 2023 och avser alla SFI elever vid Alléskolan.',
                referenceNote: null,
              },
            ],
          },
        ],
        // The seed's order: Digitalisering (its KF assignment) before Integration (mål 4).
        parts: [
          { subArea: 'Digitalisering', goals: [], councilAssignments: [0] },
          { subArea: 'Integration', goals: [0], councilAssignments: [] },
        ],
        councilAssignments: [
          {
            focusAreaLabel: 'Målområde 4 – Specifika utvecklingsområden: digitalisering',
            subArea: 'Digitalisering',
            title:
              'Varje verksamhet behöver ta fram en strategi och plan för hur man i det ordinarie arbetet ska främja digitala lösningar.',
            status: 'in_progress',
            reports: [
              {
                unitName: 'Kommunledningsförvaltningen',
                status: 'in_progress',
                heading: 'Uppföljning om vad som gjorts för att främja digitala lösningar.',
                body: DIGITALISERING_MD,
              },
            ],
          },
        ],
      },
    ],
    sections: [
      {
        heading: 'Övergripande perspektiv',
        body: 'Att arbeta för ökad tillgänglighet, allas lika värde och god folkhälsa har länge varit och ska fortsätta vara centralt i det arbete som sker politiskt och i kommunens verksamheter.',
      },
    ],
    boardAssignments: {
      intro:
        'Kommunstyrelsens resurser för att genomföra sitt uppdrag utifrån det av kommunfullmäktige fastställda reglementet finns organiserade inom kommunledningsförvaltningen.',
      groups: [
        {
          label: 'Pågående uppdrag från föregående verksamhetsplan',
          assignments: [
            {
              title: 'Intensifiera arbetet med att sälja namnrättigheterna m.m. till den nya idrottshallen',
              description:
                'Kommunfullmäktige har i samband med beslut om byggnation av den nya idrottshallen öppnat upp för möjligheten att låta den privata sektorn sponsra driften av den nya hallen.',
              status: 'done',
              followUp: [
                {
                  unitName: 'Kommunledningsförvaltningen',
                  status: 'done',
                  heading: null,
                  body: 'Kommunstyrelsen har beslutat att under en avtalstid på 6 år upplåta namnrätten avseende Närlunda Arena till Bergqvist Järn & Byggmaterial AB.',
                },
              ],
            },
          ],
        },
        {
          label: 'Andra pågående uppdrag',
          assignments: [
            {
              title: 'Färdigställa styrmodellen för Askersunds kommun.',
              description:
                'Under 2023 startade arbetet med att färdigställa en styrmodell för Askersunds kommun. Arbetet genomförs av en arbetsgrupp från förvaltningen tillsammans med en politisk referensgrupp.',
              status: 'in_progress',
              followUp: [
                {
                  unitName: 'Kommunledningsförvaltningen',
                  status: 'in_progress',
                  heading: null,
                  body: STYRMODELL_MD,
                },
              ],
            },
            {
              title: 'Handlingsplaner för att minska kommunens befarade underskott 2024.',
              description: null,
              status: 'not_started',
              followUp: [],
            },
          ],
        },
      ],
    },
    ...overrides,
  };
}

export function workbookFixture(overrides: Partial<WorkbookModel> = {}): WorkbookModel {
  return {
    boardName: 'Kommunstyrelsen',
    year: 2024,
    periodLabel: 'Delår 2024',
    preliminary: false,
    approvedAt: '2024-09-20T10:15:00.000Z',
    // The report's items, from the report fixture (as buildWorkbook takes them from the report).
    parts: workbookReportParts(reportFixture()),
    goals: [
      {
        code: 'KS-1',
        focusArea: 'Målområde 1 - God ekonomisk hushållning',
        title: 'Kommunstyrelsens mål 1',
        text: 'Sjukskrivningstalen ska vara under 5 procent för kommunledningsförvaltningens medarbetare exklusive AME och under 7 procent för medarbetarna på AME.',
        addressedTo: 'HR-avdelningen',
        rule: 'all',
        colour: 'green',
        forecastColour: 'green',
      },
      {
        code: 'KS-2',
        focusArea: 'Målområde 1 - God ekonomisk hushållning',
        title: 'Kommunstyrelsens mål 2',
        text: 'Kommunledningsförvaltningens HME-resultat ska öka eller minst vara kvar på samma nivå som året innan.',
        addressedTo: 'HR-avdelningen',
        rule: 'manual',
        colour: null,
        forecastColour: null,
      },
    ],
    indicatorValues: [
      {
        goalTitle: 'Kommunstyrelsens mål 1',
        code: 'KS-1.1',
        indicator: 'Sjukfrånvaro exkl. AME, procent',
        unitOfMeasure: 'procent',
        targetLabel: 'Lägre än 5,00',
        period: 'Delår 2024',
        periodEnd: '2024-08-31',
        outcome: 1.86,
        decimals: 2,
        colour: 'green',
        trend: 'better',
        analysis: null,
        version: 2,
        savedBy: 'Anna Andersson',
        savedAt: '2024-09-10T08:30:00.000Z',
      },
      {
        goalTitle: 'Kommunstyrelsens mål 1',
        code: 'KS-1.2',
        indicator: 'Sjukfrånvaro AME, procent',
        unitOfMeasure: 'procent',
        targetLabel: 'Lägre än 7,00',
        period: 'Delår 2024',
        periodEnd: '2024-08-31',
        outcome: 6.59,
        decimals: 2,
        colour: 'green',
        trend: 'better',
        analysis: null,
        version: 1,
        savedBy: 'Anna Andersson',
        savedAt: '2024-09-10T08:31:00.000Z',
      },
      {
        goalTitle: 'Kommunstyrelsens mål 2',
        code: 'KS-2.1',
        indicator: 'HME-resultat, index',
        unitOfMeasure: 'index',
        targetLabel: '80 eller högre',
        period: 'Delår 2024',
        periodEnd: '2024-08-31',
        outcome: null,
        decimals: 0,
        colour: 'grey',
        trend: null,
        analysis: 'Mätningen för 2024 genomförs under hösten.',
        version: 1,
        savedBy: 'Anna Andersson',
        savedAt: '2024-09-11T09:00:00.000Z',
      },
    ],
    assignmentReports: [
      {
        code: 'KF-4.1',
        assignment:
          'Varje verksamhet behöver ta fram en strategi och plan för hur man i det ordinarie arbetet ska främja digitala lösningar.',
        issuer: 'Kommunfullmäktige',
        group: null,
        dueDate: '2024-12-31',
        unit: 'Kommunledningsförvaltningen',
        period: 'Delår 2024',
        status: 'in_progress',
        heading: 'Uppföljning om vad som gjorts för att främja digitala lösningar.',
        body: DIGITALISERING_MD,
        version: 3,
        savedBy: 'Bo Berg',
        savedAt: '2024-09-12T13:45:00.000Z',
      },
      {
        code: 'KS-U2',
        assignment: 'Färdigställa styrmodellen för Askersunds kommun.',
        issuer: 'Kommunstyrelsen',
        group: 'Andra pågående uppdrag',
        dueDate: null,
        unit: 'Kommunledningsförvaltningen',
        period: 'Delår 2024',
        status: 'done',
        heading: null,
        body: STYRMODELL_MD,
        version: 1,
        savedBy: 'Bo Berg',
        savedAt: '2024-09-13T07:00:00.000Z',
      },
    ],
    ...overrides,
  };
}
