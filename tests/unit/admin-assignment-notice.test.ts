// Where the administration of assignments returns after a change: its own list (on the page
// the row was on, issue 19) or edit page, never anywhere else.
import { describe, expect, it } from 'vitest';
import { noticeUrl } from '@/app/(inloggad)/admin/uppdrag/notice';

describe('noticeUrl', () => {
  it('returns to the list on the page the change was made on', () => {
    expect(noticeUrl('/admin/uppdrag', 'arkiverat')).toBe('/admin/uppdrag?klart=arkiverat');
    expect(noticeUrl('/admin/uppdrag?sida=3', 'arkiverat')).toBe('/admin/uppdrag?sida=3&klart=arkiverat');
    expect(noticeUrl('/admin/uppdrag?arkiverade=1', 'aterstallt')).toBe('/admin/uppdrag?arkiverade=1&klart=aterstallt');
    expect(noticeUrl('/admin/uppdrag?arkiverade=1&sida=2', 'raderat')).toBe('/admin/uppdrag?arkiverade=1&sida=2&klart=raderat');
  });

  it('sends anything else to the list', () => {
    for (const returnTo of ['https://example.com/', '/admin/uppdrag?sida=0', '/admin/uppdrag?sida=2&arkiverade=1', '/admin/uppdrag?sida=abc', '//evil', '/admin/uppdrag?arkiverade=1&sida=1&x=1']) {
      expect(noticeUrl(returnTo, 'arkiverat'), returnTo).toBe('/admin/uppdrag?klart=arkiverat');
    }
  });

  it('keeps the edit page unless the assignment was deleted', () => {
    const edit = '/admin/uppdrag/0b7c5a8e-1111-4222-8333-944445555666';
    expect(noticeUrl(edit, 'aterstallt')).toBe(`${edit}?klart=aterstallt`);
    expect(noticeUrl(edit, 'raderat')).toBe('/admin/uppdrag?klart=raderat');
  });
});
