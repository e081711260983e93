// The notice shown after a change that moves the user (create) or may hide the row it was
// made on (archive, restore, delete): carried in the URL as ?klart=…, with a fixed text.
export type Notice = 'skapat' | 'arkiverat' | 'aterstallt' | 'raderat';

const TEXTS: Record<Notice, string> = {
  skapat: 'Uppdraget är skapat.',
  arkiverat: 'Uppdraget är arkiverat. Det finns kvar i historiken och i tidigare perioders rapporter.',
  aterstallt: 'Uppdraget är återställt.',
  raderat: 'Uppdraget är raderat.',
};

export function noticeText(value: unknown): string | null {
  return typeof value === 'string' && value in TEXTS ? TEXTS[value as Notice] : null;
}

// The list, with archived ones or not, on any of its pages (lib/paging.ts `sida`).
const LIST = /^\/admin\/uppdrag(\?(arkiverade=1(&sida=[1-9][0-9]{0,5})?|sida=[1-9][0-9]{0,5}))?$/;
const EDIT = /^\/admin\/uppdrag\/[0-9a-f-]{36}$/;

/**
 * Where to go after a change, with its notice. Only this section's own pages are allowed
 * (anything else goes to the list); after a delete the edit page no longer exists.
 */
export function noticeUrl(returnTo: string, notice: Notice): string {
  const edit = EDIT.test(returnTo) && notice !== 'raderat';
  const base = edit || LIST.test(returnTo) ? returnTo : '/admin/uppdrag';
  return `${base}${base.includes('?') ? '&' : '?'}klart=${notice}`;
}
