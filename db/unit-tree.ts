// The organization's unit tree, read once (lib/unit-tree.ts asks the questions).
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { UnitTree } from '@/lib/unit-tree';
import { builtOnce } from './prepared';

export { UnitTree, type UnitNode } from '@/lib/unit-tree';

const unitsQuery = builtOnce((db) =>
  db
    .select({ id: s.units.id, name: s.units.name, kind: s.units.kind, parentId: s.units.parentId })
    .from(s.units)
    .where(eq(s.units.organizationId, sql.placeholder('organizationId')))
    .orderBy(asc(s.units.sortOrder), asc(s.units.name))
    .prepare('unit_tree'),
);

export async function loadUnitTree(db: Db, organizationId: string): Promise<UnitTree> {
  return new UnitTree(await unitsQuery(db).execute({ organizationId }));
}

/** The organization's units in tree order with their depth, for pickers. */
export async function listUnits(db: Db, user: CurrentUser | null): Promise<{ id: string; name: string; depth: number }[]> {
  const org = authorizeInOwnOrganization(user, 'read', 'unit');
  const tree = await loadUnitTree(db, org);
  const out: { id: string; name: string; depth: number }[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const u of tree.units.filter((x) => x.parentId === parentId)) {
      out.push({ id: u.id, name: u.name, depth });
      visit(u.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
