import * as v from 'valibot'
import { IdSchema } from '../common.ts'

const CountSchema = v.pipe(v.number(), v.integer())

/**
 * One window of `GET /me/quota`: an organization's, or the user's own (`organization_id` null or
 * absent). `remaining` goes negative while Toggl is not enforcing the quota.
 */
const QuotaWindowSchema = v.looseObject({
  organization_id: v.nullish(IdSchema),
  remaining: CountSchema,
  resets_in_secs: v.pipe(CountSchema, v.minValue(0)),
  total: v.pipe(CountSchema, v.minValue(0)),
})

export const QuotaWindowListSchema: v.GenericSchema<({ organization_id?: number | null | undefined; remaining: number; resets_in_secs: number; total: number } & { [key: string]: unknown })[]> = v.array(QuotaWindowSchema)
