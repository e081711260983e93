// Swedish words for the choices on the goal and indicator forms.
import type { GoalRule } from '@/lib/goal-rule';

export const RULE_LABELS: Record<GoalRule, string> = {
  all: 'Alla mått uppfyllda',
  majority: 'Mer än hälften uppfyllda',
  manual: 'Manuell bedömning',
};

export const SCHEDULES = ['every_period', 'yearly_T1', 'yearly_delar', 'yearly_helar'] as const;
export type Schedule = (typeof SCHEDULES)[number];

export const SCHEDULE_LABELS: Record<Schedule, string> = {
  every_period: 'Varje period',
  yearly_T1: 'En gång per år, vid tertial 1',
  yearly_delar: 'En gång per år, vid delåret',
  yearly_helar: 'En gång per år, vid helåret',
};

export const SOURCE_LABELS: Record<'manual' | 'kolada' | 'other', string> = {
  manual: 'Manuell inmatning',
  kolada: 'Kolada',
  other: 'Annat system',
};

export function scheduleOf(frequency: 'every_period' | 'yearly', yearlyPeriodKind: 'T1' | 'delar' | 'helar' | null): Schedule {
  return frequency === 'every_period' ? 'every_period' : `yearly_${yearlyPeriodKind ?? 'helar'}`;
}
