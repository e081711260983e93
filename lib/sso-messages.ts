// What the login page says after a single sign-on login was refused or failed, and after
// logging out of a single sign-on session. Pure.

const PROBLEMS: Record<string, (provider: string) => string> = {
  unknown: () =>
    'Du är inte upplagd som användare i Målbild. Be kommunens systemförvaltare att lägga upp dig, och försök sedan igen.',
  disabled: () => 'Ditt konto i Målbild är inaktiverat. Kontakta kommunens systemförvaltare om du behöver komma åt Målbild.',
  linked_to_other: (provider) =>
    `Kontot i Målbild med din e-postadress är kopplat till en annan inloggning hos ${provider}. Kontakta kommunens systemförvaltare.`,
  email_unverified: (provider) =>
    `${provider} har inte bekräftat din e-postadress, så Målbild kan inte avgöra vem du är. Kontakta kommunens systemförvaltare.`,
  no_match_value: (provider) =>
    `${provider} skickade ingen e-postadress, så Målbild kan inte avgöra vem du är. Kontakta kommunens systemförvaltare.`,
};

/** The message for the login page's `fel` (our refusal) or `error` (Auth.js) parameter; null for none. */
export function ssoProblemMessage(problem: string | undefined, provider: string): string | null {
  if (!problem) return null;
  const known = Object.hasOwn(PROBLEMS, problem) ? PROBLEMS[problem] : undefined;
  return known ? known(provider) : `Inloggningen med ${provider} misslyckades. Försök igen om en stund.`;
}
