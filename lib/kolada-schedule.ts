// The daily Kolada fetch (issue 18), the pure part: the time of day the admin types
// ("06:30", Swedish time), the cron expression the job library runs it by, and the job
// queue's name for an organization (one queue each, so that each has its own schedule).
import { z } from '@/lib/zod';

/** Swedish time: the schedule follows the kommun's clock, summer time included. */
export const SCHEDULE_TIME_ZONE = 'Europe/Stockholm';

export const DEFAULT_SCHEDULE_TIME = '06:00';

export const scheduleTimeSchema = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3])[:.][0-5]\d$/, 'Ange en tid som tt:mm, t.ex. 06:30.')
  .transform((v) => {
    const [h, m] = v.split(/[:.]/) as [string, string];
    return `${h.padStart(2, '0')}:${m}`;
  });

/** "06:30" → "30 6 * * *": every day at that minute. */
export function cronForTime(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return `${m} ${h} * * *`;
}

const QUEUE_PREFIX = 'kolada-sync';

/** The job queue (and schedule) of one organization. */
export function scheduleQueueName(organizationId: string): string {
  return `${QUEUE_PREFIX}.${organizationId}`;
}

/** The organization of a queue name made by scheduleQueueName, or null for any other queue. */
export function organizationOfQueue(name: string): string | null {
  const m = /^kolada-sync\.([0-9a-f-]{36})$/.exec(name);
  return m ? m[1]! : null;
}
