// The organization's unit tree and the questions asked of it (pure: loaded by db/unit-tree.ts).

export interface UnitNode {
  id: string;
  name: string;
  kind: 'board' | 'department' | 'unit' | 'external';
  parentId: string | null;
}

export class UnitTree {
  private readonly byId: Map<string, UnitNode>;
  /** boardOf's answers, found once per unit: the builders ask it for every row (issue 19). */
  private readonly boards = new Map<string, string | null>();

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
    let board = this.boards.get(id);
    if (board === undefined) {
      board = this.ancestry(id).find((a) => this.byId.get(a)?.kind === 'board') ?? null;
      this.boards.set(id, board);
    }
    return board;
  }
}
