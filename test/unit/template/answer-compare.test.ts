import { describe, expect, it } from 'vitest';
import {
  compareAnswer,
  normalizeCategory,
  parseBoolean,
  parseNumber,
} from '../../../src/core/answer-compare.ts';
import type { TypedAnswer } from '../../../src/core/answer-compare.ts';

const status = (expected: TypedAnswer, actual: unknown) => compareAnswer(expected, actual).status;

describe('compareAnswer', () => {
  it('matches numbers within the tolerance and rejects those outside it', () => {
    const exact: TypedAnswer = { type: 'number', value: 12.3 };
    expect(status(exact, 12.3)).toBe('verified');
    expect(status(exact, 12.299999999999999)).toBe('verified');
    expect(status(exact, '12.3 %')).toBe('verified');
    expect(status(exact, 12.4)).toBe('mismatch');
    expect(status(exact, 123)).toBe('mismatch');
    const rounded: TypedAnswer = { type: 'number', value: 1.33, tolerance: { absolute: 0.005 } };
    expect(status(rounded, 4 / 3)).toBe('verified');
    expect(status(rounded, 1.34)).toBe('mismatch');
    const relative: TypedAnswer = { type: 'number', value: 1000, tolerance: { relative: 0.01 } };
    expect(status(relative, 1009)).toBe('verified');
    expect(status(relative, 1011)).toBe('mismatch');
    expect(status(relative, '1,005')).toBe('verified');
  });

  it('does not take a non-number for a number', () => {
    expect(status({ type: 'number', value: 3 }, 'three')).toBe('mismatch');
    expect(status({ type: 'number', value: 1 }, true)).toBe('mismatch');
    expect(status({ type: 'number', value: 3 }, [3])).toBe('mismatch');
  });

  it('compares years exactly', () => {
    expect(status({ type: 'year', value: 2015 }, 2015)).toBe('verified');
    expect(status({ type: 'year', value: 2015 }, '2015')).toBe('verified');
    expect(status({ type: 'year', value: 2015 }, 2015.0)).toBe('verified');
    expect(status({ type: 'year', value: 2015 }, 2016)).toBe('mismatch');
    expect(status({ type: 'year', value: 2015 }, 2015.4)).toBe('mismatch');
  });

  it('normalises categories for case, spaces and punctuation only', () => {
    const route: TypedAnswer = { type: 'category', value: 'Route A' };
    expect(status(route, 'route-a')).toBe('verified');
    expect(status(route, '  ROUTE   A. ')).toBe('verified');
    expect(status(route, 'Route B')).toBe('mismatch');
    expect(status(route, 'RouteA')).toBe('mismatch');
    expect(status({ type: 'category', value: '20-30' }, '20–30')).toBe('verified');
    expect(status({ type: 'category', value: 'São Paulo' }, 'são paulo')).toBe('verified');
    expect(status({ type: 'category', value: 'Sao Paulo' }, 'São Paulo')).toBe('mismatch');
    expect(status({ type: 'category', value: 'Yes' }, true)).toBe('mismatch');
  });

  it('reads booleans from yes/no/true/false but nothing else', () => {
    const yes: TypedAnswer = { type: 'boolean', value: true };
    expect(status(yes, true)).toBe('verified');
    expect(status(yes, 'Yes')).toBe('verified');
    expect(status(yes, 'TRUE')).toBe('verified');
    expect(status(yes, 1)).toBe('verified');
    expect(status(yes, 'no')).toBe('mismatch');
    expect(status(yes, false)).toBe('mismatch');
    expect(status(yes, 'maybe')).toBe('mismatch');
    expect(status(yes, 2)).toBe('mismatch');
    expect(status({ type: 'boolean', value: false }, 'False')).toBe('verified');
  });

  it('compares lists in order or as sets', () => {
    const ordered: TypedAnswer = {
      type: 'list',
      value: ['Bravo', 'Echo', 'Charlie'],
      ordered: true,
    };
    expect(status(ordered, ['bravo', 'ECHO', 'Charlie'])).toBe('verified');
    expect(status(ordered, ['Echo', 'Bravo', 'Charlie'])).toBe('mismatch');
    expect(status(ordered, ['Bravo', 'Echo'])).toBe('mismatch');
    const unordered: TypedAnswer = {
      type: 'list',
      value: ['Bravo', 'Echo', 'Charlie'],
      ordered: false,
    };
    expect(status(unordered, ['Echo', 'Charlie', 'Bravo'])).toBe('verified');
    expect(status(unordered, ['Echo', 'Echo', 'Bravo'])).toBe('mismatch');
    const numbers: TypedAnswer = { type: 'list', value: [2019, 2021], ordered: true };
    expect(status(numbers, [2019, 2021])).toBe('verified');
    expect(status(numbers, ['2019', 2021.0])).toBe('verified');
    expect(status(numbers, [2021, 2019])).toBe('mismatch');
    expect(status(numbers, 'not a list')).toBe('mismatch');
  });

  it('calls a missing answer unverifiable, not a mismatch', () => {
    expect(compareAnswer({ type: 'number', value: 1 }, null)).toEqual({
      status: 'unverifiable',
      reason: 'the program gave no answer',
    });
    expect(status({ type: 'category', value: 'x' }, undefined)).toBe('unverifiable');
  });

  it('has parsing helpers that refuse what they cannot read', () => {
    expect(parseNumber('-1,234.5')).toBe(-1234.5);
    expect(parseNumber('$3')).toBe(3);
    expect(parseNumber('abc')).toBeNull();
    expect(parseNumber(Number.NaN)).toBeNull();
    expect(parseBoolean('n')).toBe(false);
    expect(parseBoolean('nope')).toBeNull();
    expect(normalizeCategory(' Hip-hop! ')).toBe('hip hop');
  });
});
