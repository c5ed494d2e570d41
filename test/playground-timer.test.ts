// The playground's timer app outside the browser: it is built on togglkit's public API alone (as an
// example for users), and its week arithmetic.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { TogglTimeEntry } from '../src/index.ts'
import { byDay, clock, onSameDay, startOfDay, startOfWeek, total } from '../playground/src/timer/week.ts'
import { repoRoot } from '../scripts/packed-consumer.js'

const TIMER = join(repoRoot, 'playground', 'src', 'timer')

const entry = (id: number, start: string, duration: number): TogglTimeEntry =>
  ({ id, start: new Date(start).toISOString(), stop: duration < 0 ? null : new Date(Date.parse(start) + duration * 1000).toISOString(), duration, tags: [], tag_ids: [] }) as unknown as TogglTimeEntry

describe('the timer app', () => {
  it('imports nothing but togglkit and its own files', () => {
    const specifiers = readdirSync(TIMER).flatMap((file) => [...readFileSync(join(TIMER, file), 'utf8').matchAll(/from '([^']+)'/g)].map(([, specifier]) => `${file}: ${specifier}`))
    expect(specifiers.length).toBeGreaterThan(0)
    expect(specifiers.filter((line) => !/: (togglkit|\.\/[\w-]+\.ts)$/.test(line))).toEqual([])
  })

  it('groups entries by the local day they start on, newest day and entry first, a running one counted up to now', () => {
    const now = new Date(2026, 11, 2, 12, 0).getTime()
    const days = byDay(
      [entry(1, '2026-12-01T09:00:00', 3600), entry(2, '2026-12-02T09:00:00', 1800), entry(3, '2026-12-02T11:00:00', -1), entry(4, '2026-12-01T13:00:00', 900)],
      now,
    )
    expect(days.map(({ date, entries, seconds }) => [date.getDate(), entries.map(({ id }) => id), seconds])).toEqual([
      [2, [3, 2], 1800 + 3600],
      [1, [4, 1], 3600 + 900],
    ])
  })

  it('starts a week on the user’s first day of it', () => {
    const wednesday = new Date(2026, 11, 2, 15, 30).getTime()
    expect(startOfWeek(wednesday, 1)).toEqual(new Date(2026, 10, 30))
    expect(startOfWeek(wednesday, 0)).toEqual(new Date(2026, 10, 29))
    expect(startOfWeek(wednesday, 3)).toEqual(startOfDay(wednesday))
  })

  it('writes clocks and totals, and moves a time to HH:MM on the same day', () => {
    expect([clock(0), clock(3909), clock(36_000)]).toEqual(['0:00:00', '1:05:09', '10:00:00'])
    expect([total(720), total(24_300), total(0)]).toEqual(['12 min', '6 h 45 min', '0 min'])
    expect(new Date(onSameDay(new Date(2026, 11, 2, 9, 15).toISOString(), '17:05'))).toEqual(new Date(2026, 11, 2, 17, 5))
  })
})
