// The daily Kolada fetch (issue 18), run by pg-boss (a job queue in PostgreSQL) inside the
// server process. Only on a real PostgreSQL server (DATABASE_URL): the embedded database
// has no job library, and /admin/kolada then says to run `npm run kolada:sync` from cron.
//
// pg-boss keeps its own tables in their own schema ('pgboss'), out of the app's schema and
// out of drizzle's migrations. Each organization has its own queue and cron schedule
// (lib/kolada-schedule.ts), with the 'singleton' policy: never two fetches of one
// organization at once, whichever server process picks the job up. pg-boss' cron fires once
// across all processes. A failing fetch throws, so pg-boss retries it with backoff; each
// attempt is the same fetch as the admin's and as `npm run kolada:sync`
// (server/kolada-sync.ts: all or nothing, logged with its trigger 'schedule').
import 'server-only';
import PgBoss from 'pg-boss';
import { getDb, type Db } from '@/db/client';
import { loadCurrentUser } from '@/db/users';
import { recordScheduleRefusal, scheduleInForce, schedulesInForce, type KoladaScheduleDTO } from '@/db/kolada-schedule';
import { cronForTime, scheduleQueueName, SCHEDULE_TIME_ZONE } from '@/lib/kolada-schedule';
import { KoladaClient } from './kolada-client';
import { runKoladaFetch } from './kolada-sync';

/** pg-boss' schema in the database (the app's tables are in 'public'). */
export const JOB_SCHEMA = 'pgboss';

export interface KoladaSchedulerOptions {
  /** The PostgreSQL server's URL (pg-boss opens its own small pool). */
  url: string;
  /** The app's database, for the fetch itself. */
  db: Db;
  /** The Kolada client for one run (default: KOLADA_BASE_URL, throttled). */
  client?: () => KoladaClient;
  /** Retries after a failed run: how many, and the first delay (doubling, pg-boss' backoff). */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** How often an idle worker looks for a job. */
  pollingIntervalSeconds?: number;
  /** How often pg-boss looks whether a cron is due, and sends it (pg-boss' defaults: 30 s). */
  cronIntervalSeconds?: number;
}

interface JobData {
  organizationId: string;
}

/** What a run did, for the log and the test. */
export type ScheduledRunOutcome = 'done' | 'off' | 'refused';

export class KoladaScheduler {
  private readonly working = new Set<string>();

  private constructor(
    private readonly boss: PgBoss,
    private readonly options: KoladaSchedulerOptions,
  ) {}

  /** Starts pg-boss (creating its schema on the first start) and puts every saved schedule in force. */
  static async start(options: KoladaSchedulerOptions): Promise<KoladaScheduler> {
    const cron = options.cronIntervalSeconds ? { cronMonitorIntervalSeconds: options.cronIntervalSeconds, cronWorkerIntervalSeconds: options.cronIntervalSeconds } : {};
    const boss = new PgBoss({ connectionString: options.url, schema: JOB_SCHEMA, max: 3, application_name: 'malbild-kolada-schedule', ...cron });
    boss.on('error', (error) => console.error('[kolada-schedule]', error));
    await boss.start();
    const scheduler = new KoladaScheduler(boss, options);
    for (const schedule of await schedulesInForce(options.db)) await scheduler.apply(schedule.organizationId, schedule);
    return scheduler;
  }

  private queueOptions(name: string): PgBoss.Queue {
    return {
      name,
      policy: 'singleton',
      retryLimit: this.options.retryLimit ?? 3,
      retryDelay: this.options.retryDelaySeconds ?? 300,
      retryBackoff: true,
      // A fetch of a whole organization takes minutes at most; one stuck longer is retried.
      expireInSeconds: 60 * 60,
    };
  }

  private async ensureQueue(organizationId: string): Promise<string> {
    const name = scheduleQueueName(organizationId);
    if (this.working.has(name)) return name;
    if (await this.boss.getQueue(name)) await this.boss.updateQueue(name, this.queueOptions(name));
    else await this.boss.createQueue(name, this.queueOptions(name));
    await this.boss.work<JobData>(name, { pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 10 }, async ([job]) => {
      if (job) await this.run(job.data.organizationId);
    });
    this.working.add(name);
    return name;
  }

  /** Puts an organization's schedule in force in pg-boss: a daily cron at its time, or none. */
  async apply(organizationId: string, schedule: KoladaScheduleDTO | null): Promise<void> {
    const name = await this.ensureQueue(organizationId);
    if (schedule?.enabled) {
      const q = this.queueOptions(name);
      await this.boss.schedule(name, cronForTime(schedule.timeOfDay), { organizationId } satisfies JobData, {
        tz: SCHEDULE_TIME_ZONE,
        retryLimit: q.retryLimit,
        retryDelay: q.retryDelay,
        retryBackoff: q.retryBackoff,
        expireInSeconds: q.expireInSeconds,
      });
    } else {
      await this.boss.unschedule(name);
    }
  }

  /** The cron schedules pg-boss holds (for the test and the page). */
  async schedules(): Promise<{ name: string; cron: string; timezone: string }[]> {
    // The row of pgboss.schedule also holds its time zone, which pg-boss' types leave out.
    return (await this.boss.getSchedules()).map((s) => ({ name: s.name, cron: s.cron, timezone: (s as { timezone?: string }).timezone ?? 'UTC' }));
  }

  /** Queues a run now, as the cron does at its time (the test's trigger); the job's id. */
  async enqueue(organizationId: string): Promise<string | null> {
    const name = await this.ensureQueue(organizationId);
    return this.boss.send(name, { organizationId } satisfies JobData);
  }

  /** A job's state in pg-boss ('created', 'retry', 'active', 'completed', 'failed' …). */
  async jobState(organizationId: string, id: string): Promise<string | null> {
    return (await this.boss.getJobById(scheduleQueueName(organizationId), id))?.state ?? null;
  }

  /** One run: the organization's fetch in the name of the admin who saved the schedule. Throws to be retried. */
  async run(organizationId: string): Promise<ScheduledRunOutcome> {
    const { db } = this.options;
    const schedule = await scheduleInForce(db, organizationId);
    if (!schedule?.enabled) return 'off';
    const user = await loadCurrentUser(db, organizationId, schedule.actorId);
    if (!user || !user.roles.includes('admin')) {
      // No retry helps here: an admin must save the schedule again, in their own name.
      await recordScheduleRefusal(db, organizationId, schedule.actorId,
        `Den schemalagda hämtningen gjordes inte: ${schedule.actorName} är inte längre systemförvaltare. Spara schemat igen i ditt namn.`);
      return 'refused';
    }
    const result = await runKoladaFetch(db, user, { kind: 'organization' }, {
      dryRun: false,
      trigger: 'schedule',
      client: this.options.client?.() ?? new KoladaClient(),
    });
    // The failure is logged by the fetch; throwing hands the retry (with backoff) to pg-boss.
    if (!result.ok) throw new Error(`kolada schedule: ${result.message}`);
    return 'done';
  }

  async stop(): Promise<void> {
    await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  }
}

// ---------------------------------------------------------------- the server's one scheduler

export type SchedulerState = 'off' | 'starting' | 'running' | 'failed';

const holder = globalThis as unknown as { __malbildKoladaScheduler?: { state: SchedulerState; scheduler?: KoladaScheduler } };

/** Whether the database is a real PostgreSQL server, where the schedule can run. */
export function scheduleAvailable(): boolean {
  return Boolean(process.env.DATABASE_URL);
}

/** The server's scheduler's state, for the page. */
export function schedulerState(): SchedulerState {
  return holder.__malbildKoladaScheduler?.state ?? 'off';
}

/**
 * Called once at server start (instrumentation.ts), after the database is ready. Does not
 * hold the start up: the scheduler starts beside the first requests, and a failure to start
 * is logged and shown on /admin/kolada, never stops the app.
 */
export function startKoladaSchedulerInBackground(): void {
  const url = process.env.DATABASE_URL;
  if (!url || holder.__malbildKoladaScheduler) return;
  const entry: { state: SchedulerState; scheduler?: KoladaScheduler } = { state: 'starting' };
  holder.__malbildKoladaScheduler = entry;
  getDb().then((db) => KoladaScheduler.start({ url, db })).then(
    (scheduler) => {
      entry.scheduler = scheduler;
      entry.state = 'running';
    },
    (error: unknown) => {
      entry.state = 'failed';
      console.error('[kolada-schedule] could not start', error);
    },
  );
}

/** After an admin saved the schedule: put it in force now (in pg-boss, which every server process shares). */
export async function applySavedSchedule(organizationId: string, schedule: KoladaScheduleDTO): Promise<boolean> {
  const scheduler = holder.__malbildKoladaScheduler?.scheduler;
  if (!scheduler) return false;
  await scheduler.apply(organizationId, schedule);
  return true;
}
