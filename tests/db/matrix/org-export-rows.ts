// Matrix rows for the full export of an organization (route /admin/export/fil, both its
// ZIP and its progress stream call exportOrganization). Only an admin, and only of their
// own organization: another organization's admin gets the export of their own, in which
// nothing of this organization appears (checked in every file). An allowed export is
// audited (one event in the exporter's organization; append-only, it stays).
import JSZip from 'jszip';
import { exportOrganization } from '@/db/org-export';
import { adminOnly, read, type MatrixRow } from './harness';

export const orgExportRows: MatrixRow[] = [
  {
    name: 'read: the export of the whole organization (route /admin/export/fil)',
    writes: true,
    expected: { ...adminOnly, otherOrgAdmin: 'ok' },
    call: ({ db, users }, user) =>
      read(async () => {
        const result = await exportOrganization(db, user);
        if (result.manifest.organization.id !== user!.organizationId) throw new Error('exported another organization');
        const demoOrg = users.admin!.organizationId;
        if (user!.organizationId !== demoOrg) {
          const zip = await JSZip.loadAsync(result.zip);
          for (const file of Object.values(zip.files)) {
            if (!file.dir && !file.name.endsWith('.docx') && (await file.async('string')).includes(demoOrg)) {
              throw new Error(`the other organization's export holds this one's data in ${file.name}`);
            }
          }
        } else if (result.manifest.tables.find((t) => t.name === 'indicator_values')!.rows === 0) {
          return null;
        }
        return result;
      }),
  },
];
