// The signed-in user as the policy sees it, re-read from the database on every request.
import type { Role } from './roles';

export interface CurrentUser {
  id: string;
  organizationId: string;
  organizationName: string;
  name: string;
  email: string;
  title: string | null;
  roles: Role[];
  /** The units of the user's editor grants, by name, for display. */
  grantUnits: { id: string; name: string }[];
  /** Every unit an editor grant covers: the granted units and all their descendants. */
  coveredUnitIds: string[];
}
