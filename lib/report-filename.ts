// "Mal-och-uppdrag-Kommunstyrelsen-Delar-2024.docx": an ASCII file name for a report.
// With title "Delårsbokslut" (the whole document): "Delarsbokslut-Kommunstyrelsen-Delar-2024.docx".
export function reportFilename(boardName: string, periodLabel: string, extension: 'docx' | 'xlsx', title = 'Mål och uppdrag'): string {
  const ascii = `${title} ${boardName} ${periodLabel}`
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${ascii}.${extension}`;
}
