// The fields of an account as the user forms send them, with Swedish messages.
import { z } from '@/lib/zod';
import { MIN_PASSWORD_LENGTH } from '@/lib/password-rules';

const commaList = z
  .string()
  .max(20_000)
  .default('')
  .transform((v) => [...new Set(v.split(',').map((x) => x.trim()).filter(Boolean))]);

export const userDetailFields = {
  name: z.string().trim().min(1, 'Ange ett namn.').max(200, 'Namnet får vara högst 200 tecken.'),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Ange en e-postadress.')
    .max(254, 'E-postadressen är för lång.')
    .pipe(z.email('Ange en giltig e-postadress, till exempel namn@kommun.se.')),
  title: z
    .string()
    .trim()
    .max(200, 'Titeln får vara högst 200 tecken.')
    .default('')
    .transform((v) => v || null),
};

export const passwordFields = {
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Lösenordet ska ha minst ${MIN_PASSWORD_LENGTH} tecken.`)
    .max(200, 'Lösenordet får vara högst 200 tecken.'),
  passwordRepeat: z.string().max(200, 'Lösenordet får vara högst 200 tecken.'),
};

/** The refinement (check, error) that the two password fields agree. */
export const samePasswords: [(d: { password: string; passwordRepeat: string }) => boolean, { path: string[]; message: string }] = [
  (d) => d.password === d.passwordRepeat,
  { path: ['passwordRepeat'], message: 'Lösenorden är inte lika. Skriv samma lösenord två gånger.' },
];

/** "admin,viewer" from the form's checkboxes. */
export const organizationRoles = commaList.pipe(z.array(z.enum(['admin', 'director', 'viewer'], 'Okänd roll.')));

/** The units of editor grants, as comma-separated ids. */
export const unitIdList = commaList.pipe(z.array(z.uuid('Välj enheter i listan.')));
