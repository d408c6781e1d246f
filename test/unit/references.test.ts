import { describe, expect, it } from 'vitest';
import {
  isSingleReferenceWithoutDefault,
  parseTemplate,
  ReferenceSyntaxError,
  referencesIn,
  resolveTemplate,
} from '../../src/project/references.js';

const env = (vars: Record<string, string>) => (name: string) => vars[name];

describe('parseTemplate', () => {
  it('splits text and references', () => {
    const template = parseTemplate('https://${HOST}.my.salesforce.com');
    expect(template.parts).toEqual([
      { kind: 'text', text: 'https://' },
      { kind: 'reference', reference: { variable: 'HOST', operator: '', start: 8, end: 15 } },
      { kind: 'text', text: '.my.salesforce.com' },
    ]);
  });

  it.each([
    ['${A:-x}', ':-'],
    ['${A-x}', '-'],
    ['${A:?msg}', ':?'],
    ['${A?msg}', '?'],
    ['${A}', ''],
  ])('reads the operator of %s', (text, operator) => {
    const [reference] = referencesIn(parseTemplate(text));
    expect(reference?.operator).toBe(operator);
  });

  it('reads nested references in defaults', () => {
    const names = referencesIn(parseTemplate('${A:-${B:-c}}')).map((reference) => reference.variable);
    expect(names).toEqual(['A', 'B']);
  });

  it('turns $$ into a literal dollar', () => {
    expect(parseTemplate('a$$b').parts).toEqual([{ kind: 'text', text: 'a$b' }]);
  });

  it('keeps a lone dollar before a non-name character', () => {
    expect(parseTemplate('cost $5').parts).toEqual([{ kind: 'text', text: 'cost $5' }]);
  });

  it.each([
    ['$HOME', /unbraced reference "\$HOME"/],
    ['${', /must start with a variable name/],
    ['${1A}', /must start with a variable name/],
    ['${A', /is not closed/],
    ['${A:x}', /unexpected ":"/],
  ])('rejects %s', (text, message) => {
    expect(() => parseTemplate(text)).toThrow(ReferenceSyntaxError);
    expect(() => parseTemplate(text)).toThrow(message);
  });
});

describe('resolveTemplate', () => {
  it('substitutes set variables', () => {
    expect(resolveTemplate(parseTemplate('${A}-${B}'), env({ A: '1', B: '2' }))).toEqual({ ok: true, value: '1-2' });
  });

  it('reports a plain reference to an unset variable as missing', () => {
    expect(resolveTemplate(parseTemplate('${A}'), env({}))).toEqual({ ok: false, unresolved: { variable: 'A', reason: 'missing' } });
  });

  it('keeps an empty value for a plain reference', () => {
    expect(resolveTemplate(parseTemplate('${A}'), env({ A: '' }))).toEqual({ ok: true, value: '' });
  });

  it.each([
    ['${A:-d}', {}, 'd'],
    ['${A:-d}', { A: '' }, 'd'],
    ['${A:-d}', { A: 'v' }, 'v'],
    ['${A-d}', {}, 'd'],
    ['${A-d}', { A: '' }, ''],
    ['${A:-${B}}', { B: 'b' }, 'b'],
  ])('resolves %s with %o to %s', (text, vars, expected) => {
    expect(resolveTemplate(parseTemplate(text), env(vars))).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['${A:?set A}', {}],
    ['${A:?set A}', { A: '' }],
    ['${A?set A}', {}],
  ])('fails %s with %o and keeps the message', (text, vars) => {
    expect(resolveTemplate(parseTemplate(text), env(vars))).toEqual({
      ok: false,
      unresolved: { variable: 'A', reason: 'required', message: 'set A' },
    });
  });

  it('accepts an empty value for ${A?message}', () => {
    expect(resolveTemplate(parseTemplate('${A?m}'), env({ A: '' }))).toEqual({ ok: true, value: '' });
  });

  it('does not resolve references inside an error message', () => {
    const result = resolveTemplate(parseTemplate('${A:?${SECRET}}'), env({ SECRET: 'hunter2' }));
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});

describe('isSingleReferenceWithoutDefault', () => {
  it.each([
    ['${A}', true],
    ['${A:?m}', true],
    ['${A?m}', true],
    ['${A:-x}', false],
    ['${A-x}', false],
    ['x${A}', false],
    ['literal', false],
    ['${A}${B}', false],
  ])('%s → %s', (text, expected) => {
    expect(isSingleReferenceWithoutDefault(parseTemplate(text))).toBe(expected);
  });
});
