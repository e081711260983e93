'use client';
// The KPI the admin picked among the search's hits, offered to every indicator's link form
// ("Fyll i X99001"), so that a KPI found by its title need not be typed.
import { createContext, useContext, useState, type ReactNode } from 'react';
import type { KoladaHit } from './search-kolada';

interface KpiChoice {
  chosen: KoladaHit | null;
  choose: (hit: KoladaHit) => void;
}

const Choice = createContext<KpiChoice | null>(null);

export function KoladaKpiChoice({ children }: { children: ReactNode }) {
  const [chosen, choose] = useState<KoladaHit | null>(null);
  return <Choice.Provider value={{ chosen, choose }}>{children}</Choice.Provider>;
}

/** The chosen KPI and the way to choose one; null outside KoladaKpiChoice. */
export function useKpiChoice(): KpiChoice | null {
  return useContext(Choice);
}
