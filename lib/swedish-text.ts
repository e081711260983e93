// Small pieces of Swedish grammar the UI needs.

/** The genitive of a name: "Kommunstyrelsen" → "Kommunstyrelsens"; names ending in s, x or z take none. */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}

/** "Kommunstyrelsens mål 1" */
export function boardGoalTitle(boardName: string, number: number): string {
  return `${genitive(boardName)} mål ${number}`;
}
