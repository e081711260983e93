// The kinds of unit and the words users read for them (safe to import in client components).
export const UNIT_KINDS = ['board', 'department', 'unit', 'external'] as const;
export type UnitKindValue = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKindValue, string> = {
  board: 'Nämnd/styrelse',
  department: 'Förvaltning',
  unit: 'Avdelning/enhet',
  external: 'Externt organ',
};
