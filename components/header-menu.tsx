'use client';
import { useEffect, useRef, type ReactNode } from 'react';
import { usePathname } from 'next/navigation';

/**
 * The phone's main menu: a native <details>/<summary>, so it opens and closes with the
 * keyboard and is announced as an expandable button, with or without JavaScript. With
 * JavaScript it also closes when a link in it has led to another page, and on Escape (focus
 * returns to the button).
 */
export function HeaderMenu({ className, children }: { className?: string; children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  const summary = useRef<HTMLElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [pathname]);
  return (
    <details
      ref={details}
      className={className}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && details.current?.open) {
          details.current.open = false;
          summary.current?.focus();
        }
      }}
    >
      <summary
        ref={summary}
        className="flex cursor-pointer list-none items-center gap-2 rounded border border-slate-400 px-3 py-1 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 [&::-webkit-details-marker]:hidden"
      >
        <span aria-hidden="true" className="text-base leading-none">
          ☰
        </span>
        Meny
      </summary>
      <div className="absolute inset-x-4 top-full z-20 mt-1 rounded border border-slate-300 bg-white p-4 shadow-lg">{children}</div>
    </details>
  );
}
