// Word-level difference between two versions of a text, for showing what a comment changed.
import { diffWordsWithSpace } from 'diff';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/**
 * The parts of `after` compared with `before`, word by word, keeping every space and line break:
 * joining the 'same' and 'removed' parts gives `before`, joining 'same' and 'added' gives `after`.
 *
 * Adjacent parts of the same kind are merged and empty parts are dropped. A run of changes that is
 * only interrupted by whitespace ("-a +x ␠ -b +y") is shown as one removal followed by one addition
 * ("-a b +x y"), which reads far better than alternating single words.
 */
export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
  if (before === '') return [{ kind: 'added', text: after }];
  if (after === '') return [{ kind: 'removed', text: before }];

  const changes = diffWordsWithSpace(before, after)
    .filter((change) => change.value !== '')
    .map((change): DiffPart => ({
      kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
      text: change.value,
    }));

  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };

  let i = 0;
  while (i < changes.length) {
    const change = changes[i];
    if (!change) break;
    if (change.kind === 'same') {
      push('same', change.text);
      i++;
      continue;
    }
    // A run of changes, absorbing whitespace-only common parts that sit between two changes.
    let removed = '';
    let added = '';
    while (i < changes.length) {
      const current = changes[i];
      if (!current) break;
      if (current.kind === 'removed') removed += current.text;
      else if (current.kind === 'added') added += current.text;
      else {
        const next = changes[i + 1];
        if (!/^\s+$/.test(current.text) || !next || next.kind === 'same') break;
        removed += current.text;
        added += current.text;
      }
      i++;
    }
    push('removed', removed);
    push('added', added);
  }
  return parts;
}
