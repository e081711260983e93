// The seed's finance tables (Kommunstyrelsen, delår 2024), verbatim, errors included
// (issue 16): Målbild shows a warning for each error instead of correcting it.
// Amounts in whole tkr. The seed's "-26 62" (row 92, Utfall) is kept as the digits it shows,
// −2 662; Åmmebergs skola, lokalanpassning (−212), printed after a page break without the
// italics, is the reinvestment plan's eleventh sub-item.
import type { FinanceTables, Figures, OperationNote, Project } from '@/lib/finance-model';

const f = (outcome: number | null, forecast: number | null, budget: number | null, deviation: number | null): Figures => ({
  outcome,
  forecast,
  budget,
  deviation,
});

const RESULT_TEXT = `Budgeten består av den av kommunfullmäktige beslutade ramen enligt 23KF105 2023-06-19 på 126 342 tkr. Därefter har budgetramen justerats med tillskott för kapitaltjänstkostnader, budget för interna köp/sälj, lönerrevision, hyresjusteringar samt övriga av kommunfullmäktige beslutade budgetjusteringar.

Helårsprognosen för nämnden visar på ett underskott vid årets slut på 5 117 tkr. Den främsta orsaken till underskottet är att Sydnärkes utbildningsförbund visar ett stort underskott 2024, som medlemskommunerna får vara med att täcka upp för. Askersunds kommuns andel beräknas bli ca 6 mkr. Även kostnaden för Sydnärke IT beräknas bli högre än budgeterat. Kostnaden för personalkaffe beräknas även 2024 ge ett negativt resultat, dock ej lika högt underskott som föregående år.

Positiva effekter för prognosen är bland annat vakanshållning av tjänst/del av tjänst för administrativ chef, besöksnäringsstrateg samt HR-chef under 2024. Ny kommundirektör tillträdde sin tjänst i mitten av maj och under ett par månader blev det dubbel lönekostnad för denna tjänst. För tjänsten som säkerhetssamordnare blev det ingen vakans i större utsträckning. En säkerhetschef har anställts som tillträder sin tjänst i mitten av september. Dessa gör att effekten av vakanshållningen av tjänster ovan minskar.

Anslaget för SFI-kostnader som finns inom kommunstyrelsen beräknas ej behöva utnyttjas till fullo. Arbetsmarknadsenheten beräknas få något högre intäkter samt avräkning av försäkringsärende ger en positiv effekt på prognosen.

Kostnaderna för skolskjutsar och färdtjänst beräknas hamna inom budget. Dock är prognosen för skolskjutsar osäker och svårbedömd så tidigt på höstterminen.`;

const INVESTMENTS_TEXT = `Budgeten består av den av kommunfullmäktige beslutade ramen enligt 23KF105 2023-06-19. Ombudgetering från 2023 ingår i beloppet.

Helårsprognosen för nämnden visar på ett överskott vid årets slut på 2 184 tkr.

Flera stora projekt, såsom Närlundaskolan, Närlunda Arena, Åsbro Förskola och Hammars skola färdigställs under 2024. Den totala avvikelserna mot budget för dessa projekt visar på ett överskridande, till största delen beroende på den kraftiga inflationen som varit och som drastiskt påverkat byggindex. Askersund förskola samt Nytt vård- och omsorgsboende är projekt som kommer fortsätta under 2025, där medel troligen kommer begäras bli ombudgeterade till 2025, cirka 9 mkr.

När det gäller budgeten för reinvesteringar har kommunstyrelsen gett uppdrag att genomföra reinvesteringsåtgärder upp till ett belopp om 3 215 tkr. Detta ger ett överskott på 4 785 tkr.`;

function note(
  number: string,
  heading: string,
  [forecastIncome, budgetIncome, netDeviation]: [number, number, number],
  [forecastCost, budgetCost]: [number, number],
  text: string,
): OperationNote {
  return { number, heading, forecastIncome, forecastCost, budgetIncome, budgetCost, netDeviation, text };
}

const op = (code: string, name: string, figures: Figures, n: OperationNote | null = null) => ({ code, name, ...figures, note: n });

function project(name: string, analysisNumber: string, figures: Figures, rest: Partial<Project> = {}): Project {
  return { name, analysisNumber, ...figures, subItems: [], totals: null, analysis: null, ...rest };
}

export const askersundFinance: FinanceTables = {
  result: {
    text: RESULT_TEXT,
    rows: {
      income: f(39_593, 61_905, 58_214, 3_691),
      costs: f(-153_761, -236_766, -227_958, -8_808),
      staffCosts: f(-28_930, -41_493, -42_303, 810),
      capitalCosts: f(-38_647, -55_068, -55_068, 0),
      result: f(-114_168, -174_861, -169_744, -5_117),
    },
  },
  operations: {
    totalLabel: 'Summa Kommunstyrelsen',
    rows: [
      op('10', 'Nämnder/Styrelser', f(-1_986, -3_031, -3_195, 164), note('1', '10 Nämnder/Styrelser', [0, 0, 164], [-3_031, -3_195], 'Lägre kostnader arvoden.')),
      op('11', 'Stöd till politiska partier', f(-393, -590, -590, 0)),
      op('12', 'Revision', f(-297, -782, -732, -50)),
      op('13', 'Övrig politisk verksamhet', f(-1_499, -1_924, -2_021, 97)),
      op('21', 'Fysisk och teknisk planering', f(-1_266, -900, -925, 25)),
      op(
        '22',
        'Näringslivsfrämjande åtgärder',
        f(-246, -447, -561, 114),
        note(
          '2',
          '22 Näringslivsbefrämjande åtgärder',
          [0, 0, 114],
          [-447, -561],
          'Lägre avgift för medfinansiering av Leader Mellansjölandet på grund av positiv avräkning för åren 2014 - 2022.',
        ),
      ),
      op('23', 'Besöksnäringsverksamhet', f(-1_254, -1_314, -1_806, 492), note('3', '23 Besöksnäringens verksamhet', [503, 528, 492], [-1_817, -2_334], 'Vakant tjänst besöksnäringstrateg.')),
      op('24', 'Parkering och trafikåtgärder', f(-1_411, -2_017, -2_017, 0)),
      op('25', 'Parker mm', f(-144, -202, -202, 0)),
      op('26', 'Miljö och hälsoskydd', f(-169, -252, -187, -65)),
      op(
        '27',
        'Räddningstjänst och samhällsskydd',
        f(-4_308, -7_378, -7_162, -216),
        note('4', '27 Räddningstjänst och samhällsskydd', [1_341, 753, -216], [-8_719, -7_915], 'Högre lönekostnad nyanställning säkerhetschef.'),
      ),
      op('31', 'Allmän kulturverksamhet', f(-252, -377, -376, -1)),
      op('34', 'Idrotts-och fritidsanläggningar', f(-209, -312, -312, 0)),
      op('44', 'Skolskjutsar', f(-8_734, -14_410, -14_410, 0)),
      op('45', 'Gymnasieskola', f(-46_705, -76_294, -70_294, -6_000), note('5', '45 Gymnasieskola', [0, 0, -6_000], [-76_294, -70_294], 'Medfinansiering av underskott SUF 2024.')),
      op('53', 'Färdtjänst', f(-2_601, -4_100, -4_100, 0)),
      op('60', 'Särskilt riktade insatser', f(0, 0, -600, 600), note('6', '60 Särskilt riktade insatser', [0, 0, 600], [0, -600], 'Anslaget för SFI-kostnader behöver ej utnyttjas.')),
      op(
        '61',
        'Arbetsmarknadsåtgärder',
        f(-4_603, -6_593, -6_843, 250),
        note('7', '61 Arbetsmarknadsåtgärder', [11_851, 8_461, 250], [-18_444, -15_304], 'Högre intäkter som även genererar högre kostnader. Vakant tjänst.'),
      ),
      op('80', 'Affärsverksamhet', f(26_890, 39_979, 39_979, 0)),
      op('81', 'Bostadsfastighet', f(23, 46, 46, 0)),
      op('87', 'Avfallshantering', f(28, 26, 26, 0)),
      op('91', 'Gemensamma lokaler', f(-38_400, -54_107, -53_932, -175), note('8', '91 Gemensamma lokaler', [96, 61, -175], [-54_203, -53_993], 'Lönekostnad projektledare utanför projekt.')),
      op(
        '92',
        'Gemensamma verksamheter',
        f(-2_662, -39_882, -39_530, -352),
        note(
          '9',
          '92 Gemensamma verksamheter',
          [973, 667, -352],
          [-41_226, -40_568],
          'Ökad intäkt p g a avräkning försäkringsärende. Något lägre lönekostnader p g a vakanshållning tjänster.\n\nHögre kostnader för bland annat Sydnärke IT, licensavgifter och personalkaffe.',
        ),
      ),
    ],
    total: f(-114_168, -174_861, -169_744, -5_117),
  },
  investments: {
    text: INVESTMENTS_TEXT,
    net: f(-63_684, -81_621, -83_805, 2_184),
    projects: [
      project('Närlundaskolan, etapp 2', '1', f(-484, -2_100, 0, -2_100), {
        totals: { name: 'Närlundaskolan, etapp 2', ...f(-484, -2_100, 0, -2_100), costToDate: -87_810, totalForecast: -89_500, totalBudget: -77_350, accumulatedDeviation: -12_150 },
        analysis: {
          number: '1',
          heading: 'Närlundaskolan, etapp 2',
          forecast: -2_100,
          budget: 0,
          deviation: -2_100,
          text: 'Projektet avslutades under hösten 2023, förutom konstverk som slutförts under våren 2024 och en etableringskontroll av växter som sker i september. Budgetavvikelsen avser endast 2024. Total projektavvikelse beräknas bli -12,1 mkr.',
        },
      }),
      project('Närlundaskolan, omgivande markarbete', '2', f(-4_960, -5_600, -3_205, -2_395), {
        totals: { name: 'Närlundaskolan omg markarbeten', ...f(-4_960, -5_600, -3_205, -2_395), costToDate: -21_188, totalForecast: -21_800, totalBudget: -19_000, accumulatedDeviation: -2_800 },
        analysis: {
          number: '2',
          heading: 'Närlundaskolan, omgivande markarbete',
          forecast: -5_600,
          budget: -3_205,
          deviation: -2_395,
          text: 'Projektet avslutas under 2024. Budgetavvikelsen avser endast 2024. Total projektavvikelse beräknas bli -2,8 mkr, där höjda asfaltspriser med ca 30% är den största orsaken.',
        },
      }),
      project('Åsbro förskola', '3', f(-17_833, -21_500, -21_300, -200), {
        totals: { name: 'Åsbro förskola', ...f(-17_824, -21_500, -21_300, -200), costToDate: -39_603, totalForecast: -43_500, totalBudget: -42_000, accumulatedDeviation: -1_500 },
        analysis: {
          number: '3',
          heading: 'Åsbro förskola',
          forecast: -21_500,
          budget: -21_300,
          deviation: -200,
          text: 'Byggstart augusti 2023. Projektet beräknas avslutas under oktober 2024. Budgetavvikelsen avser endast 2024. Total projektavvikelse beräknas bli -1,5 mkr. En stor fördringsorsak är VA-anslutning och bekostande av en pumpbrunn.',
        },
      }),
      project('Askersund förskola', '4', f(-21_390, -28_000, -36_297, 8_297), {
        totals: { name: 'Askersund förskola', ...f(-19_585, -28_000, -36_297, 8_297), costToDate: -27_097, totalForecast: -45_000, totalBudget: -42_000, accumulatedDeviation: -3_000 },
        analysis: {
          number: '4',
          heading: 'Askersund förskola',
          forecast: -28_000,
          budget: -36_297,
          deviation: 8_297,
          text: 'Byggstart november 2023. Projektet kommer fortgå under 2025 och saldo begäras ombudgerat. Budgetavvikelsen avser endast 2024. Total projektavvikelse beräknas bli -3 mkr. En orsak till detta är att det krävts sprängning och sanering av berg samt VA-lösningar.',
        },
      }),
      project('Hammars skola, förskola, om/tillbyggnad', '5', f(-14_282, -14_500, -7_700, -6_800), {
        totals: { name: 'Hammars skola/förskola', ...f(-14_280, 14_500, -7_700, -6_800), costToDate: -44_765, totalForecast: -45_000, totalBudget: -37_500, accumulatedDeviation: -7_500 },
        analysis: {
          number: '5',
          heading: 'Hammars skola/förskola, om/tillbyggnad',
          forecast: -14_500,
          budget: -7_700,
          deviation: -6_800,
          text: 'Projektet kommer avslutas under 2024. Budgetavvikelsen avser endast 2024. Total projektavvikelse beräknas bli -7,5 mkr. Orsaker till detta är byte av ledningar ut- och invändigt, avsaknad av isolering, större asbestsanering än planerat.',
        },
      }),
      project('Närlunda, ny idrottshall', '6', f(-831, -1_000, 0, -1_000), {
        totals: { name: 'Närlunda, ny idrottshall', ...f(-831, -1_000, 0, -1_000), costToDate: -49_697, totalForecast: -49_500, totalBudget: -43_500, accumulatedDeviation: -6_000 },
        analysis: {
          number: '6',
          heading: 'Närlunda, ny idrottshall',
          forecast: -1_000,
          budget: 0,
          deviation: -1_000,
          text: 'Projektet kommer slutföras under 2024. Budgetavvikelsen avser endast 2024. Total projektavvikelse beräknas bli -6 mkr. Ökade kostnader material samt högre entreprenörpris än beräknat.',
        },
      }),
      project('Exploatering Gustavslund', '7', f(-2_178, -2_178, -1_728, -450), {
        totals: { name: 'Expl Gustavslund', ...f(-2_178, -2_217, -1_728, -450), costToDate: -23_844, totalForecast: -24_500, totalBudget: -23_400, accumulatedDeviation: -1_100 },
        analysis: {
          number: '7',
          heading: 'Exploatering Gustavslund etapp 1 och 2',
          forecast: -2_178,
          budget: -1_728,
          deviation: -450,
          text: 'Projektet kommer slutföras 2024. Budgetavvikelsen avser endast 2024. Total projektavvikelse beräknas bli -1,1 mkr, vilket föranlett en höjning av tomtpriserna.',
        },
      }),
      project('Sjöängen, utveckling foajé m m', '', f(-95, -95, -121, 26)),
      project('Vård- och omsorgslokaler', '8', f(0, 0, -1_500, 1_500), {
        analysis: { number: '8', heading: 'Vård- och omsorgslokaler', forecast: 0, budget: -1_500, deviation: 1_500, text: 'Projektet ej påbörjat. Saldo kommer begäras ombudgerat till 2025.' },
      }),
      project('Närlundahallen, inventarier', '', f(-349, -1_000, -1_000, 0)),
      project('Åsbro, Sågarevallen, staket', '', f(-110, -110, 0, -110)),
      project('Investering enligt reinvesteringsplan 2024', '9', f(-858, -3_215, -8_000, 4_785), {
        subItems: [
          { name: 'Björkängens förskola, ventilation', outcome: -68 },
          { name: 'Solberga IP, LED-belysning', outcome: -30 },
          { name: 'Rönneshytta skola, LED-belysning', outcome: -179 },
          { name: 'Sundsängen, solskydd', outcome: -37 },
          { name: 'Snörmakaren, solskydd', outcome: -37 },
          { name: 'Snavlunda förskola, solskydd', outcome: -37 },
          { name: 'Åmmebergs skola, solskydd', outcome: -37 },
          { name: 'Sjöängen, utbyte kubbgolvsäljnings', outcome: -144 },
          { name: 'Rönneshytta skola, upprustning klassrum', outcome: -171 },
          { name: 'Åsbro skola, kök, renovering fuktskada', outcome: -105 },
          { name: 'Åmmebergs skola, lokalanpassning', outcome: -212 },
        ],
        analysis: {
          number: '9',
          heading: 'Investering enligt reinvesteringsplan 2024',
          forecast: -3_215,
          budget: -8_000,
          deviation: 4_785,
          text: 'Enligt uppdrag från KS ska reinvesteringsåtgärder 2024 genomföras upp till ett belopp om 3 215 tkr.',
        },
      }),
      project('Fastighetsförvärv', '', f(0, -2_000, -2_000, 0)),
      project('Rådsalen, Drätselkammaren, ny teknik', '10', f(0, 0, -370, 370), {
        analysis: {
          number: '9',
          heading: 'Rådsalen, Drätselkammaren, ny teknik',
          forecast: 0,
          budget: -370,
          deviation: 370,
          text: 'Föränsad projektstart, diskussion angående gemensam upphandling Sydnärke IT.',
        },
      }),
      project('Kommunens intranät', '', f(-115, -220, -220, 0)),
      project('Evenemangstavlör', '11', f(0, 0, -220, 220), {
        analysis: { number: '10', heading: 'Evenemangstavlör', forecast: 0, budget: -220, deviation: 220, text: 'Föränsad projektstart. Projektet beräknas utföras under 2024.' },
      }),
      project('Rådhuset, inventarier', '', f(0, -100, -100, 0)),
      project('Skrivare, kopiatorer', '', f(0, 0, -44, 44)),
    ],
    total: f(-63_684, -81_621, -83_805, 2_184),
  },
};
