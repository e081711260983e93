// Fixtures for the fake Kolada server, in the documented v3 shapes. Örebro län (county 18)
// has its 12 real kommuner (SCB codes); the values are made up for tests. X99001 is a
// test-only KPI id (no real Kolada KPI starts with X): "Öppen arbetslöshet bland utrikes
// födda", whose 2024 values put Askersund (1882) 9th of 12, so that 8 of 12 kommuner have
// a lower value. N00090 (sick leave among municipal staff, the id) has a null and
// a row with missing genders.
import type { KoladaDataRow, KoladaMunicipality } from '@/lib/kolada-response';

export const OREBRO_LAN: KoladaMunicipality[] = [
  { id: '1814', title: 'Lekeberg', type: 'K' },
  { id: '1860', title: 'Laxå', type: 'K' },
  { id: '1861', title: 'Hallsberg', type: 'K' },
  { id: '1862', title: 'Degerfors', type: 'K' },
  { id: '1863', title: 'Hällefors', type: 'K' },
  { id: '1864', title: 'Ljusnarsberg', type: 'K' },
  { id: '1880', title: 'Örebro', type: 'K' },
  { id: '1881', title: 'Kumla', type: 'K' },
  { id: '1882', title: 'Askersund', type: 'K' },
  { id: '1883', title: 'Karlskoga', type: 'K' },
  { id: '1884', title: 'Nora', type: 'K' },
  { id: '1885', title: 'Lindesberg', type: 'K' },
];

export const REGIONS: KoladaMunicipality[] = [
  { id: '0000', title: 'Riket', type: 'L' },
  { id: '0018', title: 'Region Örebro län', type: 'L' },
];

export const UNEMPLOYMENT_KPI = {
  id: 'X99001',
  title: 'Öppen arbetslöshet bland utrikes födda 16-64 år, andel (%) (testdata)',
  description: 'Testdata för Målbilds tester: antal öppet arbetslösa utrikes födda dividerat med befolkningen 16-64 år.',
  is_divided_by_gender: 1,
  municipality_type: 'K',
};
export const SICK_LEAVE_KPI = {
  id: 'N00090',
  title: 'Sjukfrånvaro kommunalt anställda, andel (%)',
  description: 'Sjukfrånvarotimmar som andel av ordinarie arbetstid för kommunalt anställda.',
  is_divided_by_gender: 1,
  municipality_type: 'K',
};
export const KPIS = [UNEMPLOYMENT_KPI, SICK_LEAVE_KPI];

/** 2024 unemployment among foreign-born, per kommun: 8 kommuner below Askersund's 21.4. */
export const UNEMPLOYMENT_2024: Record<string, number> = {
  '1814': 12.1, '1860': 25.3, '1861': 18.2, '1862': 23.9, '1863': 27.0, '1864': 19.5,
  '1880': 20.1, '1881': 16.4, '1882': 21.4, '1883': 20.8, '1884': 14.9, '1885': 17.7,
};

function row(kpi: string, municipality: string, period: number, t: number | null, genders = true): KoladaDataRow {
  const values: KoladaDataRow['values'] = [{ gender: 'T', value: t, count: 1, status: t === null ? 'Saknas' : '' }];
  if (genders && t !== null) {
    values.push({ gender: 'K', value: Math.round((t + 0.6) * 10) / 10, count: 1, status: '' });
    values.push({ gender: 'M', value: Math.round((t - 0.6) * 10) / 10, count: 1, status: '' });
  }
  return { kpi, municipality, period, values };
}

/** The data rows of the small fixture (Örebro län, 2023–2024). */
export function smallData(): KoladaDataRow[] {
  const rows: KoladaDataRow[] = [];
  for (const m of OREBRO_LAN) {
    rows.push(row('X99001', m.id, 2024, UNEMPLOYMENT_2024[m.id]!));
    rows.push(row('X99001', m.id, 2023, Math.round((UNEMPLOYMENT_2024[m.id]! + 1) * 10) / 10));
    // N00090: Hällefors has no value, Nora only a total (no genders).
    const sick = m.id === '1863' ? null : 5 + (Number(m.id) % 7) / 2;
    rows.push(row('N00090', m.id, 2024, sick, m.id !== '1884'));
  }
  rows.push(row('X99001', '0018', 2024, 19.8));
  rows.push(row('X99001', '0000', 2024, 18.9));
  return rows;
}

/** 290 kommuner (Örebro län's real ones, the rest numbered per län) for the benchmark. */
export function allKommuner(): KoladaMunicipality[] {
  const out = [...OREBRO_LAN];
  for (let county = 1; out.length < 290; county++) {
    if (county === 18) continue;
    for (let n = 1; n <= 14 && out.length < 290; n++) {
      const id = `${String(county).padStart(2, '0')}${String(n + 10).padStart(2, '0')}`;
      out.push({ id, title: `Kommun ${id}`, type: 'K' });
    }
  }
  return out;
}

/** 290 kommuner × the years, of one KPI: the benchmark's data. */
export function largeData(kpi: string, years: number[]): KoladaDataRow[] {
  return allKommuner().flatMap((m, i) => years.map((y) => row(kpi, m.id, y, ((i * 7 + y) % 300) / 10)));
}
