// npm run import:org -- <export.zip>
// Reads an organization's export (Administration › Export av all data) into an EMPTY
// installation: the database named by DATABASE_URL, else the embedded one in
// MALBILD_DATA_DIR (default .data; stop the server first, it holds that folder). Applies
// the migrations, then imports everything in one transaction, under the same lock as the
// demo load: with any organization already there (the demo included) it refuses and
// writes nothing. Run it before the first `npm start` of a new installation.
//
// Password hashes are not in an export (db/org-export-tables.ts says why): the
// organization's active admins get new one-time passwords, printed here once.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { DataDirLockedError } from '@/db/lock';
import { ExportFormatError, importOrganization, ImportRefusedError, type ImportSummary } from '@/db/org-import';

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) {
    console.error('Användning: npm run import:org -- <export.zip>');
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    console.error(`Filen ${file} går inte att läsa.`);
    return 1;
  }
  const url = process.env.DATABASE_URL;
  let database;
  try {
    database = await openDatabase(url ? { url } : {});
  } catch (error) {
    if (error instanceof DataDirLockedError) console.error(`Importen kan inte köras: ${error.message}`);
    else console.error('Databasen gick inte att öppna.', error);
    return 1;
  }
  try {
    let summary: ImportSummary | undefined;
    const started = Date.now();
    await database.prepare(async (db) => {
      summary = await importOrganization(db, bytes, { newAdminPasswords: true, source: path.basename(file) });
    });
    const s = summary!;
    console.log(
      `Klart: ${s.organization.name} är inläst (${s.rows.toLocaleString('sv-SE')} rader i ${s.tables} tabeller, ` +
        `${((Date.now() - started) / 1000).toLocaleString('sv-SE', { maximumFractionDigits: 1 })} s).`,
    );
    if (s.adminPasswords.length) {
      console.log('Nya engångslösenord för administratörerna (visas bara nu; byt dem efter första inloggningen):');
      for (const a of s.adminPasswords) console.log(`  ${a.email}  ${a.password}`);
    } else {
      console.log('Organisationen har ingen aktiv administratör: inga lösenord sattes.');
    }
    return 0;
  } catch (error) {
    if (error instanceof ExportFormatError || error instanceof ImportRefusedError) {
      console.error(`Importen avbröts, ingenting sparades: ${error.message}`);
      return 1;
    }
    console.error('Importen misslyckades, ingenting sparades.', error);
    return 1;
  } finally {
    await database.close();
  }
}

main().then((code) => process.exit(code));
