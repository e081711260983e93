// The organization's unit tree, read once, and the questions asked of it.
import { asc, eq } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';

export interface UnitNode {
  id: string;
  name: string;
  kind: 'board' | 'department' | 'unit' | 'external';
  parentId: string | null;
}

export class UnitTree {
  private readonly byId: Map<string, UnitNode>;

  constructor(readonly units: UnitNode[]) {
    this.byId = new Map(units.map((u) => [u.id, u]));
  }

  get(id: string): UnitNode | undefined {
    return this.byId.get(id);
  }

  name(id: string): string {
    return this.byId.get(id)?.name ?? '';
  }

  /** The unit itself and every unit above it. */
  ancestry(id: string): string[] {
    const chain: string[] = [];
    for (let u = this.byId.get(id); u && !chain.includes(u.id); u = u.parentId ? this.byId.get(u.parentId) : undefined) {
      chain.push(u.id);
    }
    return chain;
  }

  /** The nearest board at or above the unit (null for units outside every board, e.g. external ones). */
  boardOf(id: string): string | null {
    return this.ancestry(id).find((a) => this.byId.get(a)?.kind === 'board') ?? null;
  }
}

export async function loadUnitTree(db: Db, organizationId: string): Promise<UnitTree> {
  const units = await db
    .select({ id: s.units.id, name: s.units.name, kind: s.units.kind, parentId: s.units.parentId })
    .from(s.units)
    .where(eq(s.units.organizationId, organizationId))
    .orderBy(asc(s.units.sortOrder), asc(s.units.name));
  return new UnitTree(units);
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
