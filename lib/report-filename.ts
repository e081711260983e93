// "Mal-och-uppdrag-Kommunstyrelsen-Delar-2024.docx": an ASCII file name for a report.
export function reportFilename(boardName: string, periodLabel: string, extension: 'docx' | 'xlsx'): string {
  const ascii = `Mål och uppdrag ${boardName} ${periodLabel}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${ascii}.${extension}`;
}
