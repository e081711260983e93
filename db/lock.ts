// An exclusive PID lock on the embedded database's data directory.
//
// PGlite has no lock of its own: two processes on one directory each see only their own
// writes and corrupt it. Node has no flock, so the lock is a file created exclusively
// ('wx') holding the owner's PID. A lock whose PID is no longer alive (the owner was
// killed with -9) is stale and is taken over.
import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'malbild.lock';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `Datamappen ${dataDir} används redan av en annan Målbild-process (PID ${ownerPid}). ` +
        'Stoppa den andra servern eller ange en annan mapp med MALBILD_DATA_DIR.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** Takes the lock for this process, or throws DataDirLockedError. Returns a release function. */
export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        if (readOwner(file) === process.pid) fs.rmSync(file, { force: true });
        process.off('exit', release);
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    if (owner !== null && owner !== process.pid && isAlive(owner)) {
      throw new DataDirLockedError(dataDir, owner);
    }
    // Stale (dead owner, our own leftover, or an unreadable file): take it over. Renaming
    // to a unique name first means that of two processes racing here only one removes it.
    const stale = `${file}.stale-${process.pid}-${attempt}`;
    try {
      fs.renameSync(file, stale);
    } catch {
      continue; // someone else took it over first; try again
    }
    const moved = readOwner(stale);
    if (moved !== null && moved !== owner && moved !== process.pid && isAlive(moved)) {
      // We moved a fresh lock that a racing process had just taken: put it back.
      try {
        fs.linkSync(stale, file);
      } catch {
        // a third process holds the name now; the live owner keeps its own lock file below
      }
      fs.rmSync(stale, { force: true });
      throw new DataDirLockedError(dataDir, moved);
    }
    fs.rmSync(stale, { force: true });
  }
  throw new Error(`Kunde inte låsa datamappen ${dataDir}.`);
}
