// Reporters' Markdown as plain blocks (headings, paragraphs, lists of formatted runs), for the
// documents that cannot render HTML: the DOCX and anything else built outside React.
// It reads Markdown the way the app's Markdown component does (CommonMark, no GFM) and keeps
// its safety rules: raw HTML is dropped, never interpreted, and links keep their target only
// when it is http(s) or mailto.
import { fromMarkdown } from 'mdast-util-from-markdown';

export interface Run {
  /** Plain text; '\n' is a hard line break. */
  text: string;
  italic?: boolean;
  bold?: boolean;
  /** An http(s) or mailto address. */
  link?: string;
}

export type Block =
  | { kind: 'heading'; level: 2 | 3 | 4; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'list'; ordered: boolean; items: Run[][] };

// The mdast types, taken from the parser so that no other type package is needed.
type Root = ReturnType<typeof fromMarkdown>;
type RootContent = Root['children'][number];
type Paragraph = Extract<RootContent, { type: 'paragraph' }>;
type Phrasing = Paragraph['children'][number];
type List = Extract<RootContent, { type: 'list' }>;
type ListItem = List['children'][number];
type Definition = Extract<RootContent, { type: 'definition' }>;
type FlowNode = RootContent | ListItem['children'][number];

type Style = { italic: boolean; bold: boolean; link: string | null };

const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

/** The address if it is http(s) or mailto, else null (the text is kept, the link is not). */
export function safeLink(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  // Control characters and whitespace can hide a scheme ("java\nscript:"); refuse them.
  if (/[\u0000-\u0020\u007f]/.test(trimmed)) return null;
  return SAFE_LINK.test(trimmed) ? trimmed : null;
}

/** Parses Markdown into blocks. Never throws; an empty or blank text gives []. */
export function markdownBlocks(md: string): Block[] {
  if (!md || md.trim() === '') return [];
  const tree = fromMarkdown(md);
  const definitions = new Map<string, string>();
  collectDefinitions(tree.children, definitions);
  const blocks: Block[] = [];
  for (const node of tree.children) flow(node, blocks, definitions);
  return blocks;
}

/** All runs of the blocks as one string, e.g. for a spreadsheet cell or a search index. */
export function blocksToPlainText(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if (b.kind === 'list') {
        return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '•'} ${runsText(item)}`).join('\n');
      }
      return runsText(b.runs);
    })
    .join('\n\n');
}

function runsText(runs: Run[]): string {
  return runs.map((r) => r.text).join('');
}

function collectDefinitions(nodes: readonly FlowNode[], into: Map<string, string>): void {
  for (const node of nodes) {
    if (node.type === 'definition') {
      const def = node as Definition;
      if (!into.has(def.identifier)) into.set(def.identifier, def.url);
    } else if ('children' in node && Array.isArray(node.children)) {
      collectDefinitions(node.children as FlowNode[], into);
    }
  }
}

function flow(node: FlowNode, out: Block[], defs: Map<string, string>): void {
  switch (node.type) {
    case 'heading': {
      const runs = phrasing(node.children, defs);
      if (runs.length > 0) out.push({ kind: 'heading', level: headingLevel(node.depth), runs });
      return;
    }
    case 'paragraph': {
      const runs = phrasing(node.children, defs);
      if (runs.length > 0) out.push({ kind: 'paragraph', runs });
      return;
    }
    case 'list': {
      const items = node.children.map((item) => listItemRuns(item, defs)).filter((runs) => runs.length > 0);
      if (items.length > 0) out.push({ kind: 'list', ordered: node.ordered === true, items });
      return;
    }
    case 'blockquote':
      for (const child of node.children) flow(child, out, defs);
      return;
    case 'code':
      if (node.value.trim() !== '') out.push({ kind: 'paragraph', runs: [{ text: node.value }] });
      return;
    // Raw HTML is dropped (as the app's Markdown component does with skipHtml);
    // thematic breaks, definitions and anything else carry no text of their own.
    default:
      return;
  }
}

function headingLevel(depth: number): 2 | 3 | 4 {
  if (depth <= 2) return 2;
  if (depth === 3) return 3;
  return 4;
}

/**
 * A list item as one line of runs: its paragraphs joined by line breaks, and any nested
 * list's items after it, one per line, marked with a dash (the blocks have no nesting).
 */
function listItemRuns(item: ListItem, defs: Map<string, string>): Run[] {
  const parts: Run[][] = [];
  for (const child of item.children) {
    const inner: Block[] = [];
    flow(child, inner, defs);
    for (const block of inner) {
      if (block.kind === 'list') {
        block.items.forEach((runs, i) => parts.push([{ text: block.ordered ? `${i + 1}. ` : '– ' }, ...runs]));
      } else {
        parts.push(block.runs);
      }
    }
  }
  const runs: Run[] = [];
  parts.forEach((part, i) => {
    if (i > 0) runs.push({ text: '\n' });
    runs.push(...part);
  });
  return mergeRuns(runs);
}

function phrasing(nodes: readonly Phrasing[], defs: Map<string, string>): Run[] {
  const runs: Run[] = [];
  walkPhrasing(nodes, { italic: false, bold: false, link: null }, runs, defs);
  return trimRuns(mergeRuns(runs));
}

function walkPhrasing(nodes: readonly Phrasing[], style: Style, out: Run[], defs: Map<string, string>): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        // A soft line break inside a paragraph is a space.
        pushRun(out, node.value.replace(/[ \t]*\r?\n[ \t]*/g, ' '), style);
        break;
      case 'inlineCode':
        pushRun(out, node.value, style);
        break;
      case 'break':
        pushRun(out, '\n', style);
        break;
      case 'emphasis':
        walkPhrasing(node.children, { ...style, italic: true }, out, defs);
        break;
      case 'strong':
        walkPhrasing(node.children, { ...style, bold: true }, out, defs);
        break;
      case 'delete':
        walkPhrasing(node.children, style, out, defs);
        break;
      case 'link':
        walkPhrasing(node.children, { ...style, link: safeLink(node.url) }, out, defs);
        break;
      case 'linkReference':
        walkPhrasing(node.children, { ...style, link: safeLink(defs.get(node.identifier)) }, out, defs);
        break;
      // Raw HTML (a tag such as <b> or <script>) is dropped; the text around it stays.
      // Images and footnote references are left out.
      default:
        break;
    }
  }
}

function pushRun(out: Run[], text: string, style: Style): void {
  if (text === '') return;
  const run: Run = { text };
  if (style.italic) run.italic = true;
  if (style.bold) run.bold = true;
  if (style.link) run.link = style.link;
  out.push(run);
}

function sameStyle(a: Run, b: Run): boolean {
  return a.italic === b.italic && a.bold === b.bold && a.link === b.link;
}

function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && sameStyle(last, run)) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

/** Drops leading and trailing blanks (what dropped HTML can leave behind). */
function trimRuns(runs: Run[]): Run[] {
  const result = runs.map((r) => ({ ...r }));
  while (result.length > 0 && result[0]!.text.trim() === '') result.shift();
  while (result.length > 0 && result[result.length - 1]!.text.trim() === '') result.pop();
  if (result.length > 0) {
    result[0]!.text = result[0]!.text.replace(/^\s+/, '');
    const last = result[result.length - 1]!;
    last.text = last.text.replace(/\s+$/, '');
  }
  return result;
}
