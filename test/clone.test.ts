import { describe, expect, it } from 'vitest'
import { cloneValue } from '../src/cache/clone.ts'

describe('cloneValue gives what structuredClone gives', () => {
  const organization = JSON.parse(
    '{"id":9000001,"name":"Acme","permissions":null,"admin":true,"user_count":1,"trial_info":{"trial":false,"trial_end_date":null},"tags":["a","b"],"nothing":null}',
  ) as Record<string, unknown>

  const samples: Array<[string, unknown]> = [
    ['a Toggl model', organization],
    ['a list of models', [organization, { ...organization, id: 2 }]],
    ['primitives', [0, -0, 1.5, Infinity, Number.NaN, '', 'text', true, false, null, undefined]],
    ['an object with undefined and null-prototype parts', { a: undefined, b: Object.assign(Object.create(null), { c: 1 }) }],
    ['a Date inside', { at: new Date(0) }],
    ['a Map inside', { map: new Map([[1, 'one']]) }],
    ['a sparse array', [1, , 3]],
    ['an own __proto__ key', JSON.parse('{"__proto__":{"polluted":true},"x":1}')],
    ['nesting deeper than the fast path', JSON.parse('['.repeat(40) + ']'.repeat(40))],
  ]

  it.each(samples)('for %s', (_label, value) => {
    const copy = cloneValue(value)
    expect(copy).toStrictEqual(structuredClone(value))
    if (value !== null && typeof value === 'object') expect(copy).not.toBe(value)
  })

  it('copies deeply: changing the copy leaves the original alone', () => {
    const copy = cloneValue(organization)
    ;(copy['trial_info'] as Record<string, unknown>)['trial'] = true
    ;(copy['tags'] as string[]).push('c')
    expect(organization['trial_info']).toEqual({ trial: false, trial_end_date: null })
    expect(organization['tags']).toEqual(['a', 'b'])
  })

  it('keeps an own __proto__ key as data, never as the prototype', () => {
    const copy = cloneValue(JSON.parse('{"__proto__":{"polluted":true}}')) as Record<string, unknown>
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype)
    expect(Object.keys(copy)).toEqual(['__proto__'])
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('handles cycles as structuredClone does', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' }
    cyclic['self'] = cyclic
    const copy = cloneValue(cyclic)
    expect(copy['self']).toBe(copy)
  })

  it('refuses a value nested more than 100 levels deep with a RangeError, however deep, before recursing', () => {
    expect(cloneValue(JSON.parse('['.repeat(100) + ']'.repeat(100)))).toHaveLength(1)
    for (const depth of [101, 100_000]) {
      const deep = JSON.parse('{"a":'.repeat(depth) + '1' + '}'.repeat(depth)) as unknown
      expect(() => cloneValue(deep)).toThrow('nested over 100 levels')
    }
    // A cycle is no depth: it is copied once, as structuredClone does.
    const cyclic: unknown[] = []
    cyclic.push(cyclic)
    const copy = cloneValue(cyclic)
    expect(copy[0]).toBe(copy)
  })

  it('refuses what structuredClone refuses', () => {
    expect(() => cloneValue({ run: () => 1 })).toThrow(expect.objectContaining({ name: 'DataCloneError' }))
    expect(() => cloneValue({ key: Symbol('s') })).toThrow(expect.objectContaining({ name: 'DataCloneError' }))
  })
})
