// Shared by the Chromium page and Node: query() of 100 entries in a date range among N cached
// time entries, the way sync() stores them (one model per entry, filed by start).
import { BasicAuth, TimeEntryEndpoint } from 'togglkit'
import { median } from './stats.js'

const DAY = 86_400_000
const ROUNDS = 30

/**
 * Fills `cache` with `size` finished entries over 28 days (as sync() files them), then times
 * `query({ start_date, end_date })` of a span holding 100 of them, from the middle; medians in ms.
 */
export async function timeQueryInRange(cache, size) {
  const entries = new TimeEntryEndpoint(BasicAuth.fromApiToken('bench-query-token'), cache, { baseURL: 'http://query.bench.test/api/v9' })
  // The endpoint's partition, as its models are filed under it.
  const partition = `${await BasicAuth.fromApiToken('bench-query-token').accountKey()}@http://query.bench.test/api/v9`
  const first = Date.UTC(2026, 0, 1)
  const step = (28 * DAY) / size
  const batch = []
  for (let index = 0; index < size; index++) {
    const start = first + Math.floor(index * step)
    const model = {
      id: index + 1,
      workspace_id: 1,
      start: new Date(start).toISOString().replace('.000Z', 'Z'),
      stop: new Date(start + 60_000).toISOString().replace('.000Z', 'Z'),
      duration: 60,
      description: `entry ${index}`,
      tags: [],
      tag_ids: [],
      at: new Date(start).toISOString(),
    }
    batch.push({ key: `time_entry:${model.id}`, value: model, placement: { group: 'time_entry', order: start } })
    if (batch.length === 5000) await cache.putMany(partition, batch.splice(0))
  }
  await cache.putMany(partition, batch)
  const middle = first + 14 * DAY
  const times = []
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now()
    const found = await entries.query({ start_date: new Date(middle), end_date: new Date(middle + 100 * step) })
    times.push(performance.now() - started)
    if (Math.abs(found.length - 100) > 1) throw new Error(`the query found ${found.length} entries, expected 100`)
  }
  return median(times)
}
