import type { ApiCall, Route } from '../calls.ts'
import { quotaKeyOf } from '../hourly-quota.ts'
import { jsonReply, type Reply } from '../responses.ts'

/**
 * `GET /me/quota`: the caller's standing in each window it draws on, its own first
 * (`organization_id: null`), then each of its organizations. Without a quota there is nothing to report.
 */
function myQuota(call: ApiCall): Reply {
  const { quota, account, state } = call
  if (!quota) return jsonReply(200, [])
  const scopes = [null, ...state.organizationsOf(account.id).map(({ id }) => id)]
  return jsonReply(
    200,
    scopes.map((organizationId) => {
      const { remaining, resetsIn } = quota.peek(quotaKeyOf(account.id, organizationId))
      return { organization_id: organizationId, remaining, resets_in_secs: resetsIn, total: quota.limit }
    }),
  )
}

export const ME_ROUTES = [{ pattern: /^\/me\/quota$/, handlers: new Map([['GET', myQuota]]) }] satisfies Route[]
