// The four roles of DESIGN.md ("Who uses it") and how they are named in Swedish.
export type Role = 'admin' | 'director' | 'viewer' | 'editor';

export const ROLES: readonly Role[] = ['admin', 'director', 'viewer', 'editor'];

const LABELS: Record<Role, string> = {
  admin: 'Systemförvaltare',
  director: 'Kommundirektör',
  viewer: 'Läsare',
  editor: 'Rapportör',
};

export function roleLabel(role: Role): string {
  return LABELS[role];
}
