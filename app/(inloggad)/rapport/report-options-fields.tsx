// The report's choices (lib/report-options.ts) as checkboxes in the page's GET form. A checkbox
// sends "1" when ticked; the hidden "0" after it is what an unticked box sends (the parser reads
// the first value), so a choice whose default is on can be turned off.
import { REPORT_OPTION_FIELDS, type ReportOptions } from '@/lib/report-options';
import { Checkbox, FieldGroup } from '@/components/form-field';

export function ReportOptionsFields({ options }: { options: ReportOptions }) {
  return (
    <FieldGroup legend="Val för rapporten" labelStyle="small" boxed className="w-full">
      <ul className="mt-1 grid gap-x-6 gap-y-2 sm:grid-cols-2">
        {REPORT_OPTION_FIELDS.map((f) => (
          <li key={f.param}>
            <Checkbox
              id={`val-${f.param}`}
              name={f.param}
              value="1"
              defaultChecked={options[f.key]}
              aria-describedby={`val-${f.param}-hint`}
              multiline
              label={f.label}
            />
            <input type="hidden" name={f.param} value="0" />
            <p id={`val-${f.param}-hint`} className="ml-6 text-sm text-slate-700">
              {f.hint}
            </p>
          </li>
        ))}
      </ul>
    </FieldGroup>
  );
}
