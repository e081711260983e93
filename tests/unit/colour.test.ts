import { describe, it, expect } from 'vitest';
import { COLOURS, colourLabel, colourSymbol, type Colour } from '@/lib/colour';

describe('colour', () => {
  it('lists the four colours', () => {
    expect(COLOURS).toEqual(['green', 'yellow', 'red', 'grey']);
  });

  it.each<[Colour, string, string]>([
    ['green', 'Uppfyllt', '✓'],
    ['yellow', 'Delvis uppfyllt', '◐'],
    ['red', 'Ej uppfyllt', '✕'],
    ['grey', 'Ej mätt', '–'],
  ])('%s is labelled %j with symbol %j', (colour, label, symbol) => {
    expect(colourLabel(colour)).toBe(label);
    expect(colourSymbol(colour)).toBe(symbol);
  });

  it('gives every colour its own label and symbol', () => {
    expect(new Set(COLOURS.map(colourLabel)).size).toBe(COLOURS.length);
    expect(new Set(COLOURS.map(colourSymbol)).size).toBe(COLOURS.length);
  });
});
