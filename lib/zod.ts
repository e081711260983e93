// zod, configured once for the whole app: every message zod writes itself is Swedish
// (zod 4's own Swedish locale), with plainer wording for the issues a user meets on
// fields they do not type in (hidden fields, selects, checkboxes): those never say
// "förväntade number" or name a type. Schemas import z from here, never from 'zod', so
// the configuration runs on the server and in every client form that parses.
import { z } from 'zod';

const swedish = z.locales.sv().localeError;

const count = (n: number | bigint) => n.toLocaleString('sv-SE');

/** The message for an issue zod raises itself (schemas' own messages take precedence). */
function plainSwedish(issue: Parameters<NonNullable<typeof swedish>>[0]): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Uppgiften saknas.';
      return ['number', 'int', 'bigint'].includes(issue.expected) ? 'Ange ett tal.' : 'Uppgiften har fel format.';
    case 'too_small': {
      const n = count(issue.minimum);
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Fyll i fältet.' : `Texten måste vara minst ${n} tecken.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Välj minst ${n}.`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return issue.inclusive === false ? `Ange ett tal större än ${n}.` : `Ange ett tal som är minst ${n}.`;
      }
      return 'Värdet är för litet.';
    }
    case 'too_big': {
      const n = count(issue.maximum);
      if (issue.origin === 'string') return `Texten får vara högst ${n} tecken.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Välj högst ${n}.`;
      if (issue.origin === 'file') return 'Filen är för stor.';
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
        return issue.inclusive === false ? `Ange ett tal mindre än ${n}.` : `Ange ett tal som är högst ${n}.`;
      }
      return 'Värdet är för stort.';
    }
    case 'not_multiple_of':
      return 'Ange ett heltal.';
    case 'invalid_value':
      return 'Välj ett av alternativen.';
    case 'invalid_format':
      return 'Uppgiften har fel format.';
    case 'invalid_union':
      return 'Uppgiften har fel format.';
    case 'unrecognized_keys':
      return 'Formuläret innehåller okända fält.';
    case 'invalid_key':
    case 'invalid_element':
      return 'Uppgiften har fel format.';
    default: {
      const answer = swedish?.(issue);
      return typeof answer === 'string' ? answer : answer?.message;
    }
  }
}

z.config({ ...z.locales.sv(), localeError: plainSwedish });

export { z };
