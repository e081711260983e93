// Issue 19: zod stays out of the browser. No client component ('use client') reaches zod
// through what it imports at run time (type-only imports are erased and do not count):
// the forms import the pure judging functions, the schemas live in *-schema.ts files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

function resolve(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/') ? path.join(root, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The run-time imports of a file: not `import type`, not `export type`. */
function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  if (/^\s*['"]use server['"]/m.test(text.split('\n').slice(0, 3).join('\n'))) return []; // the client gets references only
  const specifiers: string[] = [];
  for (const match of text.matchAll(/^(?:import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
    if (!match[1]) specifiers.push(match[2]!);
  }
  for (const match of text.matchAll(/^import\s+['"]([^'"]+)['"]/gm)) specifiers.push(match[1]!);
  return specifiers;
}

function reachesZod(start: string): string[] | null {
  const seen = new Set<string>();
  const walk = (file: string, trail: string[]): string[] | null => {
    if (seen.has(file)) return null;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier === 'zod' || specifier.startsWith('zod/')) return [...trail, 'zod'];
      const next = resolve(file, specifier);
      if (!next) continue;
      const found = walk(next, [...trail, path.relative(root, next)]);
      if (found) return found;
    }
    return null;
  };
  return walk(start, [path.relative(root, start)]);
}

describe('client components', () => {
  const clientFiles = [...sourceFiles('components'), ...sourceFiles('app')]
    .map((f) => path.join(root, f))
    .filter((f) => /^\s*['"]use client['"]/.test(fs.readFileSync(f, 'utf8')));

  it('are found', () => {
    expect(clientFiles.map((f) => path.relative(root, f))).toContain('components/indicator-value-form.tsx');
  });

  it.each(clientFiles.map((f) => [path.relative(root, f), f]))('%s does not bundle zod', (_name, file) => {
    expect(reachesZod(file)).toBeNull();
  });
});
