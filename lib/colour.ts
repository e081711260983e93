// The four attainment colours, with the words and symbols that carry their meaning
// for readers who cannot tell the colours apart.

export type Colour = 'green' | 'yellow' | 'red' | 'grey';

export const COLOURS: readonly Colour[] = ['green', 'yellow', 'red', 'grey'];

const LABELS: Record<Colour, string> = {
  green: 'Uppfyllt',
  yellow: 'Delvis uppfyllt',
  red: 'Ej uppfyllt',
  grey: 'Ej mätt',
};

const SYMBOLS: Record<Colour, string> = {
  green: '✓',
  yellow: '◐',
  red: '✕',
  grey: '–',
};

export function colourLabel(c: Colour): string {
  return LABELS[c];
}

export function colourSymbol(c: Colour): string {
  return SYMBOLS[c];
}
