// The ZIP writer of the organization export: a reader (JSZip) gets back every entry,
// stored or deflated, with UTF-8 names; the CRC-32 is the standard one; the same content
// and time give the same bytes; the time is written in UTC at two-second resolution.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { crc32, dosDateTime, zipArchive } from '@/lib/zip-writer';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the ZIP writer', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('writes the time as MS-DOS date and time in UTC', () => {
    expect(dosDateTime(new Date('2024-08-31T12:34:56Z'))).toEqual({ date: 22815, time: 25692 });
  });

  it('gives a reader every entry back, stored or deflated, with UTF-8 names', async () => {
    const json = bytes(`[${'{"id":1,"namn":"Sjukfrånvaro exkl. AME"},'.repeat(500)}{}]`);
    const archive = zipArchive(
      [
        { name: 'manifest.json', data: bytes('{"format":"x"}') },
        { name: 'data/indicator_values.json', data: json, deflated: deflateRawSync(json) },
        { name: 'rapporter/Kommunstyrelsen – Delår 2024.docx', data: new Uint8Array([0, 1, 2, 255]) },
        { name: 'csv/tom.csv', data: new Uint8Array(), deflated: deflateRawSync(new Uint8Array()) },
      ],
      new Date('2026-11-30T10:00:00Z'),
    );
    const zip = await JSZip.loadAsync(archive);
    expect(Object.keys(zip.files)).toEqual(['manifest.json', 'data/indicator_values.json', 'rapporter/Kommunstyrelsen – Delår 2024.docx', 'csv/tom.csv']);
    expect(await zip.file('manifest.json')!.async('string')).toBe('{"format":"x"}');
    expect(await zip.file('data/indicator_values.json')!.async('uint8array')).toEqual(json);
    expect([...(await zip.file('rapporter/Kommunstyrelsen – Delår 2024.docx')!.async('uint8array'))]).toEqual([0, 1, 2, 255]);
    expect(await zip.file('csv/tom.csv')!.async('string')).toBe('');
    expect(archive.length).toBeLessThan(json.length); // the deflated entry is smaller than its text
  });

  it('gives the same bytes for the same content and time', () => {
    const entries = [{ name: 'a.txt', data: bytes('samma') }];
    const at = new Date('2026-11-30T10:00:00Z');
    expect(zipArchive(entries, at)).toEqual(zipArchive(entries, at));
    expect(zipArchive(entries, at)).not.toEqual(zipArchive(entries, new Date('2026-11-30T10:00:02Z')));
  });
});
