import { describe, it, expect } from 'vitest';
import type { Colour } from '@/lib/colour';
import { goalAttainment, type GoalRule } from '@/lib/goal-rule';

describe('goalAttainment', () => {
  it.each<[GoalRule, Colour[], Colour | null]>([
    // all: grey
    ['all', [], 'grey'],
    ['all', ['grey'], 'grey'],
    ['all', ['grey', 'grey'], 'grey'],
    // all: green
    ['all', ['green'], 'green'],
    ['all', ['green', 'green'], 'green'], // the seed's Mål 1: 1,86 and 6,59 both green
    // all: red
    ['all', ['red'], 'red'],
    ['all', ['red', 'red'], 'red'],
    ['all', ['red', 'grey'], 'red'],
    // all: yellow (otherwise)
    ['all', ['green', 'grey'], 'yellow'],
    ['all', ['green', 'red'], 'yellow'],
    ['all', ['yellow'], 'yellow'],
    ['all', ['green', 'yellow'], 'yellow'],
    ['all', ['red', 'yellow'], 'yellow'],
    ['all', ['green', 'red', 'grey'], 'yellow'],
    // majority: grey
    ['majority', [], 'grey'],
    ['majority', ['grey', 'grey', 'grey'], 'grey'],
    // majority: green
    ['majority', ['green'], 'green'],
    ['majority', ['green', 'green', 'red'], 'green'],
    ['majority', ['green', 'green', 'grey'], 'green'],
    // majority: red
    ['majority', ['red'], 'red'],
    ['majority', ['red', 'red', 'green'], 'red'],
    ['majority', ['red', 'red', 'grey'], 'red'],
    // majority: yellow (otherwise)
    ['majority', ['green', 'red'], 'yellow'],
    ['majority', ['green', 'grey'], 'yellow'],
    ['majority', ['red', 'grey'], 'yellow'],
    ['majority', ['green', 'yellow', 'red'], 'yellow'],
    ['majority', ['yellow', 'yellow'], 'yellow'],
    ['majority', ['green', 'green', 'red', 'red'], 'yellow'],
    // manual: no suggestion
    ['manual', [], null],
    ['manual', ['green', 'green'], null],
    ['manual', ['red', 'grey'], null],
  ])('%s of %j is %s', (rule, colours, expected) => {
    expect(goalAttainment(rule, colours)).toBe(expected);
  });
});
