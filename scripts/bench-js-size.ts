// "JS gzip per page", the one measure of scripts/bench.ts and scripts/bench-js.ts: the
// JavaScript a browser loads for a page, gzipped — every <script src> of its HTML, except
// the `noModule` polyfills, which a browser that runs modules (every current one) never fetches.
import { gzipSync } from 'node:zlib';

export interface ScriptSize {
  src: string;
  gzip: number;
}

/** Fetches (once per base and src) and gzips every module script of the page's HTML. */
export function jsGzipMeter(base: string) {
  const sizes = new Map<string, number>();
  async function scriptsOf(html: string): Promise<ScriptSize[]> {
    const scripts: ScriptSize[] = [];
    for (const [tag, src] of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js[^"]*)"[^>]*>/g)) {
      if (/\snomodule\b/i.test(tag)) continue;
      if (!sizes.has(src!)) {
        const response = await fetch(base + src!.replace(/&amp;/g, '&'));
        if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
        sizes.set(src!, gzipSync(Buffer.from(await response.arrayBuffer())).length);
      }
      scripts.push({ src: src!, gzip: sizes.get(src!)! });
    }
    return scripts;
  }
  return {
    scriptsOf,
    async gzipOf(html: string): Promise<number> {
      return (await scriptsOf(html)).reduce((sum, s) => sum + s.gzip, 0);
    },
  };
}
