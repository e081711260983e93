import Link from 'next/link';
import { pageHref, type PageInfo } from '@/lib/paging';
import { formatNumber } from '@/lib/swedish-number';

/**
 * Links to the previous and next page of a long list, with where the reader is
 * ("Visar 51–100 av 2 310"). Plain links: no script. Nothing when everything fits on one page.
 */
export function Pager({
  info,
  path,
  query,
  label,
  noun,
}: {
  info: PageInfo;
  path: string;
  query: Record<string, string | null | undefined>;
  /** The accessible name of the navigation ("Sidor med mål"). */
  label: string;
  /** What is counted, in plural ("mål", "avvikelser"). */
  noun: string;
}) {
  if (info.pages <= 1) return null;
  const link = 'rounded border border-slate-300 bg-white px-3 py-1 text-blue-800 underline';
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap items-center gap-3 text-sm">
      {info.page > 1 ? (
        <Link href={pageHref(path, query, info.page - 1)} className={link} rel="prev">
          Föregående sida
        </Link>
      ) : null}
      <span aria-current="page">
        Sida {info.page} av {info.pages}: visar {info.first}–{info.last} av {formatNumber(info.total, 0)} {noun}
      </span>
      {info.page < info.pages ? (
        <Link href={pageHref(path, query, info.page + 1)} className={link} rel="next">
          Nästa sida
        </Link>
      ) : null}
    </nav>
  );
}
