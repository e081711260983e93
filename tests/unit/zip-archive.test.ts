// The ZIP writer of the organization export (yazl): a reader (JSZip) gets back every entry
// with its UTF-8 name, its bytes and the given time; entries are deflated; the same content
// and time give the same bytes, so an export of unchanged data is byte for byte the same file.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { zipArchive } from '@/server/zip-archive';

const bytes = (text: string) => new TextEncoder().encode(text);
const at = new Date('2026-11-30T10:00:00Z');

describe('the ZIP writer', () => {
  it('gives a reader every entry back, deflated, with UTF-8 names and the given time', async () => {
    const json = bytes(`[${'{"id":1,"namn":"Sjukfrånvaro exkl. AME"},'.repeat(500)}{}]`);
    const archive = await zipArchive(
      [
        { name: 'manifest.json', data: bytes('{"format":"x"}') },
        { name: 'data/indicator_values.json', data: json },
        { name: 'rapporter/Kommunstyrelsen – Delår 2024.docx', data: new Uint8Array([0, 1, 2, 255]) },
        { name: 'csv/tom.csv', data: new Uint8Array() },
        // A view into a larger buffer: only its own bytes are written.
        { name: 'del.txt', data: bytes('xxdelyy').subarray(2, 5) },
      ],
      at,
    );
    const zip = await JSZip.loadAsync(archive);
    expect(Object.keys(zip.files)).toEqual([
      'manifest.json',
      'data/indicator_values.json',
      'rapporter/Kommunstyrelsen – Delår 2024.docx',
      'csv/tom.csv',
      'del.txt',
    ]);
    expect(await zip.file('manifest.json')!.async('string')).toBe('{"format":"x"}');
    expect(await zip.file('data/indicator_values.json')!.async('uint8array')).toEqual(json);
    expect([...(await zip.file('rapporter/Kommunstyrelsen – Delår 2024.docx')!.async('uint8array'))]).toEqual([0, 1, 2, 255]);
    expect(await zip.file('csv/tom.csv')!.async('string')).toBe('');
    expect(await zip.file('del.txt')!.async('string')).toBe('del');
    // The MS-DOS time field holds the wall-clock time of the process's zone (what Windows shows
    // as is); JSZip reads that field as if it were UTC.
    const wallClock = new Date(Date.UTC(at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes(), at.getSeconds()));
    for (const file of Object.values(zip.files)) expect(file.date.toISOString(), file.name).toBe(wallClock.toISOString());
    expect(archive.length).toBeLessThan(json.length / 10); // deflated, not stored
  });

  it('gives the same bytes for the same content and time', async () => {
    const entries = [
      { name: 'a.txt', data: bytes('samma') },
      { name: 'b/å.json', data: bytes('{"x":[1,2,3]}'.repeat(100)) },
    ];
    const first = await zipArchive(entries, at);
    expect(await zipArchive(entries, at)).toEqual(first);
    expect(await zipArchive(entries, new Date('2026-11-30T10:00:02Z'))).not.toEqual(first);
    expect(await zipArchive([entries[0]!, { ...entries[1]!, data: bytes('annat') }], at)).not.toEqual(first);
  });
});
