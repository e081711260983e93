// Audit events as a reader wants them: the action in Swedish where it is known, the kind
// of entity, and the changes as one short line of plain text (never HTML).
import { periodStateLabel, type PeriodState } from '@/lib/period';

/** Actions whose wording is specific. */
const ACTIONS: Record<string, string> = {
  'demo.load': 'Läste in demodata',
  'user.disable': 'Inaktiverade ett konto',
  'user.enable': 'Aktiverade ett konto',
  'period.create': 'Skapade en period',
  'period.update': 'Ändrade datum för en period',
  'period.open': 'Öppnade en period för rapportering',
  'period.close': 'Stängde en period',
  'period.reopen_closed': 'Öppnade en stängd period igen',
  'period.delete': 'Tog bort en period',
  'period.approve': 'Attesterade en nämnds period',
  'period.reopen': 'Öppnade en attesterad period igen',
  'text_block.save': 'Sparade en text i rapporten',
  'indicator_value.save': 'Sparade ett utfall för ett mått',
  'goal_assessment.save': 'Sparade en bedömning av ett mål',
  'assignment_report.save': 'Sparade en återrapportering',
  'readiness.mark': 'Klarmarkerade en enhets period',
  'readiness.unmark': 'Tog tillbaka en klarmarkering',
  'item.send_back': 'Skickade tillbaka för komplettering',
  'indicator_value.import': 'Importerade utfall från Excel',
  'plan.rollover': 'Skapade nästa års verksamhetsplan (årsskifte)',
  'structure.import': 'Importerade struktur från Excel',
};

/** The entity part of an action, with its indefinite article, for the general verbs below. */
const NOUNS: Record<string, string> = {
  user: 'ett konto',
  unit: 'en enhet',
  period: 'en period',
  plan: 'en verksamhetsplan',
  text_block: 'en text',
  focus_area: 'ett målområde',
  council_goal: 'ett KF-mål',
  goal: 'ett nämndmål',
  indicator: 'ett mått',
  assignment: 'ett uppdrag',
};

const VERBS: Record<string, string> = {
  create: 'Skapade',
  update: 'Ändrade',
  archive: 'Arkiverade',
  restore: 'Återställde',
  delete: 'Tog bort',
  move: 'Flyttade',
};

/** "period.close" → "Stängde en period"; an unknown action is shown as it is. */
export function actionText(action: string): string {
  if (ACTIONS[action]) return ACTIONS[action];
  const [entity, verb] = action.split('.');
  const noun = entity ? NOUNS[entity] : undefined;
  const done = verb ? VERBS[verb] : undefined;
  return noun && done ? `${done} ${noun}` : action;
}

/** The labels the audit filter "vad" shows for the fixed list of entity prefixes. */
export const PREFIX_LABELS: Record<string, string> = {
  user: 'Användare och konton',
  unit: 'Enheter',
  period: 'Perioder',
  plan: 'Verksamhetsplaner',
  text_block: 'Texter i rapporten',
  focus_area: 'Målområden',
  council_goal: 'KF-mål',
  goal: 'Nämndmål',
  indicator: 'Mått',
  assignment: 'Uppdrag',
  indicator_value: 'Utfall för mått',
  goal_assessment: 'Bedömningar av mål',
  assignment_report: 'Återrapporteringar',
  readiness: 'Klarmarkeringar',
  item: 'Återsändningar',
  demo: 'Demodata',
};

const ENTITY_TYPES: Record<string, string> = {
  organization: 'Kommunen',
  user: 'Konto',
  unit: 'Enhet',
  period: 'Period',
  board_period: 'Nämndens period',
  plan: 'Verksamhetsplan',
  text_block: 'Text',
  focus_area: 'Målområde',
  council_goal: 'KF-mål',
  goal: 'Nämndmål',
  board_goal: 'Nämndmål',
  indicator: 'Mått',
  assignment: 'Uppdrag',
  indicator_value: 'Utfall',
  goal_assessment: 'Bedömning',
  assignment_report: 'Återrapportering',
};

export function entityTypeText(entityType: string): string {
  return ENTITY_TYPES[entityType] ?? entityType;
}

const KEYS: Record<string, string> = {
  seq: 'version',
  reason: 'skäl',
  comment: 'kommentar',
  state: 'status',
  endDate: 'slutdatum',
  deadline: 'sista dag',
  year: 'år',
  kind: 'typ',
  code: 'kod',
  name: 'namn',
  title: 'titel',
  text: 'text',
  boardId: 'nämnd',
  periodId: 'period',
  unitId: 'enhet',
  planId: 'plan',
  focusAreaId: 'målområde',
  plan: 'plan',
  period: 'period',
  slot: 'text',
  source: 'källa',
};

const PERIOD_KINDS: Record<string, string> = { T1: 'tertial 1', delar: 'delår', helar: 'helår' };

const MAX_VALUE = 80;
const MAX_TEXT = 400;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function valueText(key: string, value: unknown, names: Record<string, string>): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'number') return value.toLocaleString('sv-SE');
  if (typeof value === 'string') {
    if (names[value]) return names[value];
    if (key === 'state' && ['draft', 'open', 'closed'].includes(value)) return periodStateLabel(value as PeriodState).toLowerCase();
    if (key === 'kind' && PERIOD_KINDS[value]) return PERIOD_KINDS[value];
    return clip(value.replace(/\s+/g, ' '), MAX_VALUE);
  }
  if (Array.isArray(value)) return value.map((v) => valueText(key, v, names)).join(', ');
  if (typeof value === 'object') {
    const pair = value as { before?: unknown; after?: unknown };
    if ('before' in pair || 'after' in pair) return `${valueText(key, pair.before, names)} → ${valueText(key, pair.after, names)}`;
    return clip(JSON.stringify(value), MAX_VALUE);
  }
  return clip(String(value), MAX_VALUE);
}

/** { state: { before: 'open', after: 'closed' }, reason: '…' } → "status: öppen för rapportering → stängd; skäl: …" */
export function changesText(changes: unknown, names: Record<string, string> = {}): string {
  if (changes === null || changes === undefined) return '';
  if (typeof changes !== 'object' || Array.isArray(changes)) return clip(JSON.stringify(changes), MAX_TEXT);
  const parts = Object.entries(changes as Record<string, unknown>).map(([key, value]) => `${KEYS[key] ?? key}: ${valueText(key, value, names)}`);
  return clip(parts.join('; '), MAX_TEXT);
}
