'use client';
// The sign-in settings, the form that adds a row to the table from groups to roles, and the
// table's rows (each removed after a confirmation).
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import { SelectField, SubmitRow, TextField } from '@/components/form-field';
import { ConfirmStep } from '@/components/confirm-step';
import { SaveMessage } from '@/components/conflict-notice';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { useFields } from '@/components/use-fields';
import { GrantChoiceFields, type UnitChoice } from '@/components/grant-choice-fields';
import { addGroupMappingForm, removeGroupMappingForm, updateSignInSettingsForm } from './actions';

export function SignInSettingsForm({
  unknownPeople,
  passwordLogin,
  ssoServes,
}: {
  unknownPeople: 'refuse' | 'create';
  passwordLogin: boolean;
  ssoServes: boolean;
}) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(updateSignInSettingsForm, null);
  const { bind } = useFields({ unknownPeople, passwordLogin: passwordLogin ? 'on' : 'off' });
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Personer som inte finns i Målbild"
          hint="När identitetstjänsten godkänner någon vars e-postadress inget konto har."
          hintBelow
          {...bind('unknownPeople', result)}
        >
          <option value="refuse">Nekas inloggning</option>
          <option value="create">Skapas utan behörighet</option>
        </SelectField>
        <SelectField
          label="Inloggning med lösenord"
          hint={
            ssoServes
              ? 'Avstängd betyder att bara inloggning via identitetstjänsten gäller. Lösenorden finns kvar.'
              : 'Kan stängas av först när inloggning via identitetstjänsten är konfigurerad.'
          }
          hintBelow
          {...bind('passwordLogin', result)}
        >
          <option value="on">Tillåten</option>
          <option value="off">Avstängd</option>
        </SelectField>
      </div>
      <SubmitRow pending={pending} label="Spara inställningar" result={result} />
    </form>
  );
}

const NO_GROUP = { groupName: '', role: 'viewer', unitId: '' };

export function AddGroupMappingForm({ units }: { units: UnitChoice[] }) {
  const { setFields, bind } = useFields(NO_GROUP);
  // After a row is added the form is empty for the next; after a refusal everything typed stays.
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(async (previous, formData) => {
    const next = await addGroupMappingForm(previous, formData);
    if (next.status === 'ok') setFields(NO_GROUP);
    return next;
  }, null);
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-3" noValidate>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Grupp" labelStyle="small" autoComplete="off" required {...bind('groupName', result)} />
        <GrantChoiceFields role={bind('role', result)} unit={bind('unitId', result)} units={units} />
      </div>
      <SubmitRow pending={pending} label="Lägg till grupp" result={result} size="small" />
    </form>
  );
}

export interface MappingRow {
  id: string;
  groupName: string;
  grant: string;
}

/** The table's rows; one message line for the list, so it survives the removed row. */
export function GroupMappingTable({ rows }: { rows: MappingRow[] }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(removeGroupMappingForm, null);
  return (
    <div>
      {rows.length === 0 ? (
        <p className="text-sm">
          Tabellen är tom: grupperna påverkar inga behörigheter, och systemförvaltaren ger behörigheter under Användare.
        </p>
      ) : (
        <table className="stack-table w-full text-left text-sm">
          <caption className="sr-only">Grupper och de behörigheter de ger</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4 font-medium">
                Grupp
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                Behörighet
              </th>
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">Åtgärd</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-100">
                <td data-label="Grupp" className="py-2 pr-4 break-all">
                  {row.groupName}
                </td>
                <td data-label="Behörighet" className="py-2 pr-4">
                  {row.grant}
                </td>
                <td data-label="Åtgärd" className="py-2">
                  <ConfirmStep
                    action={action}
                    hidden={{ mappingId: row.id }}
                    pending={pending}
                    trigger={
                      <>
                        Ta bort<span className="sr-only"> gruppen {row.groupName}: {row.grant}</span>
                      </>
                    }
                    question={`Ta bort gruppen ${row.groupName} (${row.grant})? Medlemmarna förlorar behörigheten vid nästa inloggning.`}
                    confirmLabel="Ja, ta bort"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="mt-2">
        {pending && <p className="text-sm">Tar bort …</p>}
        <SaveMessage status={pending ? undefined : result?.status} message={pending ? '' : result?.message} />
      </div>
    </div>
  );
}
