import Link from 'next/link';

/** "Min rapportering › Mått" */
export function ReportingBreadcrumb({ periodId, here }: { periodId: string; here: string }) {
  return (
    <nav aria-label="Brödsmulor" className="text-sm">
      <Link href={`/rapportering?period=${periodId}`} className="text-blue-800 underline">
        Min rapportering
      </Link>{' '}
      › {here}
    </nav>
  );
}
