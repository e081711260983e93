import { Fragment, type ReactNode } from 'react';
import Link from 'next/link';

export interface Crumb {
  href: string;
  label: string;
}

/** "Administration › Användare › Helena HR-chef": the links above this page, and where it is. */
export function Breadcrumb({ trail, here }: { trail: Crumb[]; here: ReactNode }) {
  return (
    <nav aria-label="Brödsmulor" className="text-sm">
      {trail.map((crumb) => (
        <Fragment key={crumb.href}>
          <Link href={crumb.href} className="text-blue-800 underline">
            {crumb.label}
          </Link>{' '}
          ›{' '}
        </Fragment>
      ))}
      <span aria-current="page">{here}</span>
    </nav>
  );
}

/** An administration page's breadcrumb, starting at "Administration". */
export function AdminBreadcrumb({ trail = [], here }: { trail?: Crumb[]; here: ReactNode }) {
  return <Breadcrumb trail={[{ href: '/admin', label: 'Administration' }, ...trail]} here={here} />;
}

/** "Min rapportering › Mått" */
export function ReportingBreadcrumb({ periodId, here }: { periodId: string; here: string }) {
  return <Breadcrumb trail={[{ href: `/rapportering?period=${periodId}`, label: 'Min rapportering' }]} here={here} />;
}
