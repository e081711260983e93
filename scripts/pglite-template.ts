// Run by scripts/start.mjs beside `next build`: PGlite initialises the cluster that a new data
// folder then copies instead of running initdb during the first start (db/pglite-template.ts).
import { createTemplate } from '@/db/pglite-template';

createTemplate().catch(() => process.exit(1));
