import { elapsedSeconds, type TogglTimeEntry } from 'togglkit'

/** One day of the list: its entries, newest first, and what they add up to. */
export interface Day {
  /** Midnight, local time. */
  date: Date
  entries: TogglTimeEntry[]
  seconds: number
}


/** Local midnight of the day `at` falls on. */
export function startOfDay(at: number): Date {
  const day = new Date(at)
  day.setHours(0, 0, 0, 0)
  return day
}

/** The first day of the week `at` falls in; `beginsOn` is Toggl's `beginning_of_week` (0 = Sunday … 6). */
export function startOfWeek(at: number, beginsOn: number): Date {
  const day = startOfDay(at)
  day.setDate(day.getDate() - ((day.getDay() - beginsOn + 7) % 7))
  return day
}

/** The entries grouped by the local day they start on, newest day first; a running one counts up to `now`. */
export function byDay(entries: readonly TogglTimeEntry[], now: number): Day[] {
  const days = new Map<number, Day>()
  for (const entry of entries) {
    const date = startOfDay(Date.parse(entry.start))
    let day = days.get(date.getTime())
    if (!day) days.set(date.getTime(), (day = { date, entries: [], seconds: 0 }))
    day.entries.push(entry)
    day.seconds += elapsedSeconds(entry, now)
  }
  for (const day of days.values()) day.entries.sort((a, b) => Date.parse(b.start) - Date.parse(a.start))
  return [...days.values()].sort((a, b) => b.date.getTime() - a.date.getTime())
}

export function isToday(day: Date, now: number): boolean {
  return day.getTime() === startOfDay(now).getTime()
}

/** `1:05:09` for a running clock. */
export function clock(seconds: number): string {
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`
}

/** `6 h 45 min`, `12 min`, for totals. */
export function total(seconds: number): string {
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  return hours === 0 ? `${minutes} min` : `${hours} h ${String(minutes).padStart(2, '0')} min`
}

/** `09:30` in local time. */
export function timeOfDay(at: string | number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', hour12: false })
}

/** `Tuesday 1 December`. */
export function dayName(day: Date): string {
  return day.toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' })
}

/** The instant at `HH:MM` local time on the day `at` falls on, as the API takes it. */
export function onSameDay(at: string, hhmm: string): string {
  const [hours = 0, minutes = 0] = hhmm.split(':').map(Number)
  const moment = startOfDay(Date.parse(at))
  moment.setHours(hours, minutes)
  return moment.toISOString()
}

