import * as v from 'valibot'
import { IdSchema } from './common.ts'

const CountSchema = v.pipe(v.number(), v.integer(), v.minValue(0))

/** One window of `GET /me/quota`: an organization's, or the user's own (`organization_id: null`). */
export const QuotaWindowSchema = v.looseObject({
  organization_id: v.nullable(IdSchema),
  remaining: CountSchema,
  resets_in_secs: CountSchema,
  total: CountSchema,
})

export const QuotaWindowListSchema = v.array(QuotaWindowSchema)
