// A ZIP archive of whole in-memory files, written by yazl: each entry raw-DEFLATEd (level 6)
// by node:zlib in libuv's thread pool, so the server keeps answering while a large export
// packs; names in UTF-8 (flag bit 11). Every entry carries the one given modification time
// (the MS-DOS field in the process's time zone, as the format intends, and the exact instant
// in an extended-timestamp field), so the same content and time give the same bytes. yazl
// turns to ZIP64 only when an archive needs it (65 535 entries or 4 GiB).
import { ZipFile } from 'yazl';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

export function zipArchive(entries: readonly ZipEntry[], modified: Date): Promise<Buffer> {
  const zip = new ZipFile();
  for (const { name, data } of entries) {
    const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    zip.addBuffer(buffer, name, { mtime: modified, compressionLevel: 6 });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
