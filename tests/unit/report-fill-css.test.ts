// The report's status fills are drawn on the page by CSS classes (app/globals.css, so that a
// large board's hundreds of cells carry no style of their own, issue 19) and in the DOCX from
// REPORT_STATUS_FILL: the two must be the same colours.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLOURS } from '@/lib/colour';
import { REPORT_STATUS_FILL } from '@/lib/report-model';

describe('the report page fills', () => {
  it('are the DOCX fills', () => {
    const css = fs.readFileSync(path.resolve(import.meta.dirname, '../../app/globals.css'), 'utf8');
    for (const colour of COLOURS) {
      const rule = css.match(new RegExp(`\\.fill-${colour} \\{ background-color: #([0-9A-Fa-f]{6}); \\}`));
      expect(rule?.[1]?.toUpperCase(), colour).toBe(REPORT_STATUS_FILL[colour].toUpperCase());
    }
  });
});
