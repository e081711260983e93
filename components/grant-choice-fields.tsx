'use client';
// The two fields of one grant: its role and, for a reporter, the unit. The admin fills them in
// to give a user a grant (Användare) and to map a sign-in group to a grant (Inloggning).
import type { ComponentProps } from 'react';
import { SelectField } from './form-field';

export interface UnitChoice {
  id: string;
  name: string;
  depth: number;
}

const GRANT_ROLES = [
  { value: 'editor', label: 'Rapportör för en enhet' },
  { value: 'viewer', label: 'Läsare' },
  { value: 'director', label: 'Kommundirektör' },
  { value: 'admin', label: 'Systemförvaltare' },
] as const;

/** What `useFields().bind(name, result)` gives a field. */
type BoundField = Omit<ComponentProps<typeof SelectField>, 'label' | 'labelStyle' | 'children'> & { value: string };

/** The role select, and the unit select while the role is reporter; placed in the form's grid. */
export function GrantChoiceFields({ role, unit, units }: { role: BoundField; unit: BoundField; units: UnitChoice[] }) {
  return (
    <>
      <SelectField label="Roll" labelStyle="small" {...role}>
        {GRANT_ROLES.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </SelectField>
      {role.value === 'editor' && (
        <SelectField label="Enhet" labelStyle="small" {...unit}>
          <option value="">Välj …</option>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {'\u00a0\u00a0\u00a0'.repeat(u.depth)}
              {u.name}
            </option>
          ))}
        </SelectField>
      )}
    </>
  );
}
