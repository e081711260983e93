// Small pieces of Swedish grammar the UI needs.

/** The genitive of a name: "Kommunstyrelsen" → "Kommunstyrelsens"; names ending in s, x or z take none. */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/** "Kommunstyrelsens mål 1" */
export function boardGoalTitle(boardName: string, number: number): string {
  return `${genitive(boardName)} mål ${number}`;
}

/**
 * A unit's name inside running text or a list after its first item: Swedish writes the definite
 * form of an organ's common name in lower case ("Sydnärkes utbildningsförbund,
 * kommunledningsförvaltningen"), while a proper name or one with capitals inside
 * ("HR-avdelningen", "Sydnärkes utbildningsförbund") keeps its spelling.
 */
export function nameInRunningText(name: string): string {
  return /^[A-ZÅÄÖ][a-zåäöé]+(?:en|et|na|rna)$/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
}

/** "Adressering: Sydnärkes utbildningsförbund, kommunledningsförvaltningen": the first as written, the rest in running text. */
export function nameList(names: string[]): string {
  return names.map((n, i) => (i === 0 ? n : nameInRunningText(n))).join(', ');
}
