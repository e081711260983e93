// Audit events as a reader wants them: the action in Swedish, the kind of entity, and the
// changes as one short line of plain text (never HTML). Nothing a reader sees is a raw key
// of the code: an action, entity or field this file does not know gets a general Swedish
// word, and coded values (roles, comparators, kinds) are written out. Years, codes,
// versions and numbers of goals are written as they are ("2023", never "2 023").
import { periodStateLabel, type PeriodState } from '@/lib/period';
import { colourLabel, type Colour } from '@/lib/colour';
import { trendLabel, type Trend } from '@/lib/trend';
import { reportStatusLabel, type ReportStatus } from '@/lib/assignment-status';
import { ROLES, roleLabel, type Role } from '@/lib/roles';
import { formatDateTimePrecise } from '@/lib/time-format';

/** Actions whose wording is specific. */
const ACTIONS: Record<string, string> = {
  'demo.load': 'Läste in demodata',
  'session.login': 'Loggade in',
  'session.logout': 'Loggade ut',
  'session.end': 'En inloggning avslutades',
  'session.end_all': 'Avslutade alla inloggningar för ett konto',
  'login.failure': 'Misslyckad inloggning',
  'login.throttled': 'Inloggningen spärrades tillfälligt efter för många försök',
  'user.disable': 'Inaktiverade ett konto',
  'user.enable': 'Aktiverade ett konto',
  'user.password_set': 'Satte ett nytt lösenord för ett konto',
  'user.grant_add': 'Gav ett konto en behörighet',
  'user.grant_remove': 'Tog bort en behörighet från ett konto',
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
  'organization.export': 'Exporterade all data för organisationen',
  'organization.import': 'Läste in organisationen från en export',
  'api_token.create': 'Skapade en API-nyckel',
  'api_token.revoke': 'Återkallade en API-nyckel',
  'api.read': 'Läste via API:t',
  'api.write': 'Skrev via API:t',
  'narrative.save': 'Sparade en enhets text till nämndens dokument',
  'report_chapter.create': 'Lade till ett kapitel i rapportmallen',
  'report_chapter.rename': 'Bytte rubrik på ett kapitel i rapportmallen',
  'report_chapter.move': 'Flyttade ett kapitel i rapportmallen',
  'report_chapter.archive': 'Tog bort ett kapitel ur rapportmallen',
  'report_part.create': 'Lade till en del i ett kapitel i rapportmallen',
  'report_part.update': 'Ändrade en del i rapportmallen',
  'report_part.move': 'Flyttade en del i rapportmallen',
  'report_part.archive': 'Tog bort en del ur rapportmallen',
  'user.sso_link': 'Kopplade ett konto till inloggning via identitetstjänsten',
  'user.grants_from_groups': 'Ändrade behörigheter efter grupper i identitetstjänsten',
  'sign_in.settings': 'Ändrade inställningar för inloggning',
  'sign_in.group_add': 'Lade till en grupp i tabellen för grupper och roller',
  'sign_in.group_remove': 'Tog bort en grupp ur tabellen för grupper och roller',
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
  board_goal: 'ett nämndmål',
  indicator: 'ett mått',
  assignment: 'ett uppdrag',
  indicator_value: 'ett utfall',
  goal_assessment: 'en bedömning',
  assignment_report: 'en återrapportering',
};

const VERBS: Record<string, string> = {
  create: 'Skapade',
  update: 'Ändrade',
  archive: 'Arkiverade',
  restore: 'Återställde',
  delete: 'Tog bort',
  move: 'Flyttade',
  save: 'Sparade',
  import: 'Importerade',
};

/** An action this file does not know. */
export const OTHER_ACTION = 'Annan händelse';

/** "period.close" → "Stängde en period"; an action this file does not know is "Annan händelse". */
export function actionText(action: string): string {
  if (ACTIONS[action]) return ACTIONS[action];
  const [entity, verb] = action.split('.');
  const noun = entity ? NOUNS[entity] : undefined;
  const done = verb ? VERBS[verb] : undefined;
  return noun && done ? `${done} ${noun}` : OTHER_ACTION;
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
  narrative: 'Enheternas texter',
  report_chapter: 'Rapportmallens kapitel',
  report_part: 'Rapportmallens delar',
  demo: 'Demodata',
  api: 'Anrop till API:t',
  api_token: 'API-nycklar',
  sign_in: 'Inloggning och grupper',
};

const ENTITY_TYPES: Record<string, string> = {
  organization: 'Kommunen',
  user: 'Konto',
  unit: 'Enhet',
  period: 'Period',
  board_period: 'Nämndens period',
  plan: 'Verksamhetsplan',
  text_block: 'Text',
  narrative: 'Enhetens text',
  report_chapter: 'Kapitel i rapportmallen',
  focus_area: 'Målområde',
  council_goal: 'KF-mål',
  goal: 'Nämndmål',
  board_goal: 'Nämndmål',
  indicator: 'Mått',
  assignment: 'Uppdrag',
  indicator_value: 'Utfall',
  goal_assessment: 'Bedömning',
  assignment_report: 'Återrapportering',
  readiness: 'Klarmarkering',
  structure: 'Struktur',
  session: 'Inloggning',
  api: 'API-anrop',
  api_token: 'API-nyckel',
};

/** An entity type this file does not know. */
export const OTHER_ENTITY = 'Annat';

export function entityTypeText(entityType: string): string {
  return ENTITY_TYPES[entityType] ?? OTHER_ENTITY;
}

/** Field names in the changes → Swedish. */
const KEYS: Record<string, string> = {
  seq: 'version',
  reason: 'skäl',
  comment: 'kommentar',
  state: 'status',
  status: 'status',
  endDate: 'slutdatum',
  deadline: 'sista dag',
  year: 'år',
  kind: 'typ',
  code: 'kod',
  name: 'namn',
  title: 'titel',
  text: 'text',
  body: 'text',
  heading: 'rubrik',
  email: 'e-post',
  role: 'roll',
  grants: 'behörigheter',
  grantId: 'behörighet',
  disabled: 'inaktiverat',
  sessionsEnded: 'inloggningar avslutade',
  session: 'inloggning',
  ended: 'avslutade inloggningar',
  ready: 'klar',
  boardId: 'nämnd',
  periodId: 'period',
  unitId: 'enhet',
  planId: 'plan',
  goalId: 'mål',
  indicatorId: 'mått',
  assignmentId: 'uppdrag',
  focusAreaId: 'målområde',
  parentId: 'överordnad',
  archivedAt: 'arkiverad',
  number: 'nummer',
  sortOrder: 'ordning',
  scope: 'behörighet',
  expiresAt: 'giltig till',
  method: 'metod',
  path: 'sökväg',
  idempotencyKey: 'Idempotency-Key',
  validFrom: 'giltig från',
  validTo: 'giltig till',
  phrase: 'fras',
  methodText: 'mått/metod',
  rule: 'regel',
  councilGoalIds: 'bäring på',
  unitIds: 'ansvariga enheter',
  continuesId: 'fortsätter',
  unitOfMeasure: 'måttenhet',
  decimals: 'decimaler',
  comparator: 'jämförelse',
  targetValue: 'målvärde',
  targetLow: 'lägsta',
  targetHigh: 'högsta',
  direction: 'riktning',
  tolerance: 'tolerans',
  trendTolerance: 'trendtolerans',
  targetLabel: 'etikett',
  frequency: 'frekvens',
  yearlyPeriodKind: 'årlig period',
  baselineValue: 'basvärde',
  baselineYear: 'basår',
  source: 'källa',
  sourceRef: 'källreferens',
  responsibleUnitId: 'ansvarig enhet',
  issuer: 'uppdragsgivare',
  issuerBoardId: 'uppdragsgivande nämnd',
  decisionDate: 'beslutsdatum',
  diaryNumber: 'diarienummer',
  description: 'beskrivning',
  groupLabel: 'grupp',
  dueDate: 'slutdatum',
  outcome: 'utfall',
  analysis: 'analys',
  referenceNote: 'avser',
  colour: 'färg',
  computedColour: 'beräknad färg',
  chosenColour: 'vald färg',
  forecast: 'prognos',
  trend: 'trend',
  reevaluated: 'bedömdes om',
  indicators: 'mått',
  goals: 'mål',
  textBlocks: 'texter',
  textPeriod: 'texternas period',
  counts: 'antal',
  from: 'från',
  to: 'till',
  plan: 'plan',
  period: 'period',
  slot: 'text',
  rows: 'rader i filen',
  written: 'sparade',
  unchanged: 'oförändrade',
  created: 'skapade',
  updated: 'ändrade',
  items: 'poster',
  sheet: 'blad',
  before: 'före',
  after: 'efter',
  tables: 'tabeller',
  reports: 'rapporter',
  bytes: 'byte',
  exportedBy: 'exporterad av',
  newAdminPasswords: 'nya lösenord för',
  idp: 'identitetstjänst',
  subject: 'id hos identitetstjänsten',
  groups: 'grupper',
  groupName: 'grupp',
  added: 'tillagda',
  removed: 'borttagna',
  unknownPeople: 'okända personer',
  passwordLogin: 'inloggning med lösenord',
};

/** Fields that hold only an internal id. */
const HIDDEN_KEYS = new Set(['id', 'session', 'grantId', 'mappingId']);

/** A field this file does not know. */
const OTHER_KEY = 'övrigt';

/** Numbers written as they are: years, codes, versions, numbers of goals and areas. */
const PLAIN_NUMBERS = new Set(['year', 'validFrom', 'validTo', 'baselineYear', 'seq', 'number', 'code', 'decimals', 'sortOrder']);

/** Coded values per field. */
const VALUES: Record<string, Record<string, string>> = {
  kind: {
    T1: 'tertial 1',
    delar: 'delår',
    helar: 'helår',
    board: 'nämnd',
    department: 'förvaltning',
    unit: 'enhet',
    external: 'extern',
    create: 'skapas',
    update: 'ändras',
    unchanged: 'oförändrad',
  },
  yearlyPeriodKind: { T1: 'tertial 1', delar: 'delår', helar: 'helår' },
  comparator: {
    lt: 'lägre än',
    lte: 'högst',
    gt: 'högre än',
    gte: 'minst',
    eq: 'lika med',
    between: 'mellan',
    not_worse: 'inte sämre än föregående',
  },
  rule: { all: 'alla', majority: 'majoritet', manual: 'manuell' },
  direction: { higher: 'högre är bättre', lower: 'lägre är bättre' },
  frequency: { every_period: 'varje period', yearly: 'årlig' },
  source: { manual: 'manuell', kolada: 'Kolada', other: 'annan' },
  issuer: { council: 'KF', board: 'nämnd' },
  reason: {
    logout: 'utloggning',
    idle: 'ingen aktivitet',
    expired: 'den längsta tiden gick ut',
    ended_by_admin: 'avslutad av en administratör',
    throttled: 'för många försök',
    wrong_password: 'fel e-post eller lösenord',
    disabled: 'kontot är inaktiverat',
    password_login_off: 'inloggning med lösenord är avstängd',
    unknown: 'okänd person',
    linked_to_other: 'kontot är kopplat till en annan inloggning',
  },
  method: { password: 'lösenord', sso: 'identitetstjänst' },
  unknownPeople: { refuse: 'nekas', create: 'skapas utan behörighet' },
};

const COLOURS = new Set(['green', 'yellow', 'red', 'grey']);
const TRENDS = new Set(['better', 'same', 'worse']);
const STATUSES = new Set(['not_started', 'in_progress', 'done', 'cancelled']);
const COLOUR_KEYS = new Set(['colour', 'computedColour', 'chosenColour', 'forecast']);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const MAX_VALUE = 80;
const MAX_TEXT = 400;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const keyText = (key: string) => KEYS[key] ?? OTHER_KEY;

const isPair = (value: unknown): value is { before?: unknown; after?: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => k === 'before' || k === 'after');

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function valueText(key: string, value: unknown, names: Record<string, string>): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nej';
  if (typeof value === 'number') return PLAIN_NUMBERS.has(key) ? String(value) : value.toLocaleString('sv-SE');
  if (typeof value === 'string') {
    if (names[value]) return names[value];
    if (key === 'state' && ['draft', 'open', 'closed'].includes(value)) return periodStateLabel(value as PeriodState).toLowerCase();
    if (VALUES[key]?.[value]) return VALUES[key][value];
    if (key === 'role' && (ROLES as readonly string[]).includes(value)) return roleLabel(value as Role).toLowerCase();
    if (COLOUR_KEYS.has(key) && COLOURS.has(value)) return colourLabel(value as Colour).toLowerCase();
    if (key.toLowerCase().includes('trend') && TRENDS.has(value)) return trendLabel(value as Trend).toLowerCase();
    if (key === 'status' && STATUSES.has(value)) return reportStatusLabel(value as ReportStatus).toLowerCase();
    if (ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))) {
      return formatDateTimePrecise(value);
    }
    return clip(value.replace(/\s+/g, ' '), MAX_VALUE);
  }
  if (Array.isArray(value)) return value.map((v) => valueText(key, v, names)).join(', ');
  if (isPair(value)) return `${valueText(key, value.before, names)} → ${valueText(key, value.after, names)}`;
  if (isRecord(value)) return `(${fieldsText(value, names).join(', ')})`;
  return clip(String(value), MAX_VALUE);
}

/** "label: value" for each field; `before`/`after` objects become one "label: before → after" per field. */
function fieldsText(changes: Record<string, unknown>, names: Record<string, string>): string[] {
  const { before, after, ...rest } = changes;
  const parts: string[] = [];
  if (isRecord(before) || isRecord(after)) {
    const b = isRecord(before) ? before : null;
    const a = isRecord(after) ? after : null;
    for (const key of [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])]) {
      const text =
        b && a
          ? `${valueText(key, b[key], names)} → ${valueText(key, a[key], names)}`
          : valueText(key, (a ?? b)![key], names);
      parts.push(`${keyText(key)}: ${text}`);
    }
  } else {
    if (before !== undefined) parts.push(`${keyText('before')}: ${valueText('before', before, names)}`);
    if (after !== undefined) parts.push(`${keyText('after')}: ${valueText('after', after, names)}`);
  }
  // Internal ids that name nothing a reader knows (an item's own id next to its code, a
  // session's or a grant's id) are left out.
  for (const [key, value] of Object.entries(rest)) if (!HIDDEN_KEYS.has(key)) parts.push(`${keyText(key)}: ${valueText(key, value, names)}`);
  return parts;
}

/** { state: { before: 'open', after: 'closed' }, reason: '…' } → "status: öppen för rapportering → stängd; skäl: …" */
export function changesText(changes: unknown, names: Record<string, string> = {}): string {
  if (changes === null || changes === undefined) return '';
  if (!isRecord(changes)) return clip(valueText('', changes, names), MAX_TEXT);
  return clip(fieldsText(changes, names).join('; '), MAX_TEXT);
}
