// The finance checks (issue 16), table-driven from the seed's own rows: every computed
// figure, the sign convention (Avvikelse = prognos − budget) and every inconsistency the
// seed has, each named with both figures.
import { describe, expect, test } from 'vitest';
import { askersundFinance } from '@/db/demo/askersund-finance';
import {
  checkFinance,
  deviationOf,
  figuresKey,
  readinessRefusalForFinance,
  sumOf,
  unexplained,
  withExplanations,
} from '@/lib/finance-checks';
import { financeTablesSchema } from '@/lib/finance-model';
import type { FinanceTables } from '@/lib/finance-model';

const seed = () => structuredClone(askersundFinance) as FinanceTables;
const warn = (tables: FinanceTables) => checkFinance(tables);
const messages = (tables: FinanceTables) => warn(tables).map((w) => w.message);

describe('Avvikelse = prognos − budget (the seed convention)', () => {
  // [row, prognos, budget, avvikelse as printed]
  test.each([
    ['Intäkter', 61_905, 58_214, 3_691],
    ['Kostnader', -236_766, -227_958, -8_808],
    ['varav personalkostnader', -41_493, -42_303, 810],
    ['Resultat', -174_861, -169_744, -5_117],
    ['10 Nämnder/Styrelser', -3_031, -3_195, 164],
    ['27 Räddningstjänst', -7_378, -7_162, -216],
    ['45 Gymnasieskola', -76_294, -70_294, -6_000],
    ['60 Särskilt riktade insatser', 0, -600, 600],
    ['Askersund förskola', -28_000, -36_297, 8_297],
    ['Reinvesteringsplan', -3_215, -8_000, 4_785],
    ['Nettoutgifter', -81_621, -83_805, 2_184],
  ])('%s: %i − %i = %i', (_row, forecast, budget, deviation) => {
    expect(deviationOf(forecast, budget)).toBe(deviation);
  });
  test('a missing figure gives no avvikelse, and sums skip empty cells', () => {
    expect(deviationOf(null, -600)).toBeNull();
    expect(sumOf([null, null])).toBeNull();
    expect(sumOf([-68, null, -30])).toBe(-98);
  });
});

describe('the seed, checked', () => {
  const all = warn(seed());
  const find = (key: string) => all.find((w) => w.key === key);

  // Each inconsistency the issue names, with the two figures the warning must name.
  test.each([
    ['operations:sum:outcome:row:92', -2_662, -26_632, ['92 Gemensamma verksamheter', '−2 662', '−26 632']],
    ['investments:subitems:Investering enligt reinvesteringsplan 2024', -858, -1_057, ['−858', '−1 057']],
    ['investments:sum:outcome', -63_684, -63_485, ['−63 684', 'delposternas −1 057 i stället för −858']],
    ['investments:totals:Hammars skola, förskola, om/tillbyggnad:forecast', 14_500, -14_500, ['14 500', '−14 500', 'omvänt tecken']],
    ['investments:totals:Åsbro förskola:outcome', -17_824, -17_833, ['−17 833', '−17 824']],
    ['investments:totals:Askersund förskola:outcome', -19_585, -21_390, ['−21 390', '−19 585']],
    ['investments:totals:Hammars skola, förskola, om/tillbyggnad:outcome', -14_280, -14_282, ['−14 282', '−14 280']],
    ['investments:totals:Exploatering Gustavslund:forecast', -2_217, -2_178, ['−2 178', '−2 217']],
  ])('%s names %i and %i', (key, typed, expected, words) => {
    const w = find(key);
    expect(w, key).toBeDefined();
    expect([w!.typed, w!.expected]).toEqual([typed, expected]);
    for (const word of words) expect(w!.message).toContain(word.replace(/(\d) (\d)/g, '$1\u00a0$2'));
  });

  test('and the differences the issue did not name: note 92, the second table’s avvikelse, the Summa prognos', () => {
    expect(all.map((w) => w.key).sort()).toEqual(
      [
        'operations:note:92:forecast', // 973 + −41 226 = −40 253, row says −39 882
        'operations:note:92:budget', // 667 + −40 568 = −39 901, row says −39 530
        'operations:sum:outcome:row:92',
        'investments:totals:Åsbro förskola:outcome',
        'investments:totals:Askersund förskola:outcome',
        'investments:totals:Hammars skola, förskola, om/tillbyggnad:outcome',
        'investments:totals:Hammars skola, förskola, om/tillbyggnad:forecast',
        'investments:totals:Hammars skola, förskola, om/tillbyggnad:deviation', // 14 500 − (−7 700) = 22 200
        'investments:totals:Exploatering Gustavslund:forecast',
        'investments:totals:Exploatering Gustavslund:deviation', // −2 217 − (−1 728) = −489
        'investments:subitems:Investering enligt reinvesteringsplan 2024',
        'investments:sum:outcome',
        'investments:sum:forecast', // the projects add up to −81 618
        'investments:sum:deviation', // and 2 187
      ].sort(),
    );
    expect(find('investments:totals:Hammars skola, förskola, om/tillbyggnad:deviation')!.message).toContain(
      '(14\u00a0500 − (−7\u00a0700)) ger 22\u00a0200',
    );
  });

  test('what holds in the seed raises nothing: the result summary, its varav rows and its agreement with the Summa row', () => {
    expect(all.filter((w) => w.table === 'result')).toEqual([]);
  });

  test('the seed’s tables pass the stored schema (integers of tkr only)', () => {
    expect(financeTablesSchema.safeParse(seed()).success).toBe(true);
    const broken = seed();
    broken.result!.rows.income.outcome = 39_593.5;
    expect(financeTablesSchema.safeParse(broken).success).toBe(false);
  });
});

describe('the corrected seed raises nothing', () => {
  test('every correction clears its warning', () => {
    const t = seed();
    t.operations!.rows.find((r) => r.code === '92')!.outcome = -26_632;
    const n92 = t.operations!.rows.find((r) => r.code === '92')!.note!;
    n92.forecastCost = -40_855;
    n92.budgetCost = -40_197;
    const inv = t.investments!;
    const p = (name: string) => inv.projects.find((x) => x.name.startsWith(name))!;
    p('Investering enligt reinvesteringsplan').outcome = -1_057;
    p('Åsbro förskola').totals!.outcome = -17_833;
    p('Askersund förskola').totals!.outcome = -21_390;
    const hammars = p('Hammars skola').totals!;
    hammars.outcome = -14_282;
    hammars.forecast = -14_500;
    p('Exploatering Gustavslund').totals!.forecast = -2_178;
    p('Kommunens intranät').forecast = -223;
    p('Kommunens intranät').deviation = -3;
    expect(messages(t)).toEqual([]);
  });
});

describe('rules on constructed tables', () => {
  test('varav rows larger than their parent, or of the other sign, are warned', () => {
    const t: FinanceTables = { result: seed().result, operations: null, investments: null };
    t.result!.rows.staffCosts.outcome = 28_930;
    const keys = warn(t).map((w) => w.key);
    expect(keys).toContain('result:staffCosts:outcome:sign');
    t.result!.rows.staffCosts.outcome = -120_000;
    expect(warn(t).map((w) => w.key)).toContain('result:varav:outcome');
  });

  test('Resultat must be Intäkter + Kostnader and agree with the driftredovisning’s Summa', () => {
    const t = seed();
    t.result!.rows.result.budget = -169_745;
    const keys = warn(t).map((w) => w.key);
    expect(keys).toContain('result:result:budget'); // 58 214 + −227 958 = −169 744
    expect(keys).toContain('result:across:result:budget');
    expect(keys).toContain('result:result:deviation'); // −174 861 − (−169 745) = −5 116
  });

  test('a Summa with no single mistyped row names the column sum', () => {
    const t = seed();
    t.operations!.rows[0]!.budget = -3_000; // 10: −3 195 → −3 000
    const w = warn(t).find((x) => x.key === 'operations:sum:budget')!;
    expect([w.typed, w.expected]).toEqual([-169_744, -169_549]);
  });
});

describe('explanations', () => {
  test('an explanation accepts its warning for exactly those figures; a change of figure needs a new one', () => {
    const t = seed();
    const warnings = warn(t);
    const w = warnings.find((x) => x.key === 'investments:totals:Åsbro förskola:outcome')!;
    const explanation = { key: w.key, figures: figuresKey(w), text: 'Bokföringen ändrades efter uttaget.', authorName: 'Ekonom', createdAt: '2024-09-10' };
    const checked = withExplanations(warnings, [explanation]);
    expect(unexplained(checked)).toHaveLength(warnings.length - 1);
    t.investments!.projects.find((p) => p.name === 'Åsbro förskola')!.totals!.outcome = -17_830;
    expect(unexplained(withExplanations(warn(t), [explanation]))).toHaveLength(warnings.length);
  });
  test('readiness is refused while a difference is unexplained, in Swedish, with the count', () => {
    expect(readinessRefusalForFinance(0)).toBeNull();
    expect(readinessRefusalForFinance(1)).toMatch(/en oförklarad skillnad/);
    expect(readinessRefusalForFinance(14)).toMatch(/14 oförklarade skillnader/);
  });
});
