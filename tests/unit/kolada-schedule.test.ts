import { describe, expect, it } from 'vitest';
import { cronForTime, organizationOfQueue, scheduleQueueName, scheduleTimeSchema } from '@/lib/kolada-schedule';

describe('the daily Kolada schedule', () => {
  it('reads a time of day as the admin types it', () => {
    expect(scheduleTimeSchema.parse('06:30')).toBe('06:30');
    expect(scheduleTimeSchema.parse(' 6.05 ')).toBe('06:05');
    expect(scheduleTimeSchema.parse('23:59')).toBe('23:59');
    for (const bad of ['24:00', '12:60', '6', 'kl 6', '', '06:3']) {
      const r = scheduleTimeSchema.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues[0]?.message).toBe('Ange en tid som tt:mm, t.ex. 06:30.');
    }
  });

  it('runs every day at that minute', () => {
    expect(cronForTime('06:30')).toBe('30 6 * * *');
    expect(cronForTime('00:00')).toBe('0 0 * * *');
    expect(cronForTime('23:05')).toBe('5 23 * * *');
  });

  it('names one queue per organization and reads it back', () => {
    const org = '0b6f6c1e-2f0a-4c55-9f43-0d6c4b1d1a11';
    expect(organizationOfQueue(scheduleQueueName(org))).toBe(org);
    expect(organizationOfQueue('__pgboss__send-it')).toBeNull();
  });
});
