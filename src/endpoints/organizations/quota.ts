import type { BasicAuth } from '../../core/auth.ts'
import type { TogglCache } from '../../cache/types.ts'
import type { EndpointOptions } from '../../core/options.ts'
import { cappedReset, type QuotaInfo } from '../../core/quota.ts'
import { QuotaWindowListSchema } from '../../schemas/organizations/quota.ts'
import type { CallOptions } from '../arguments.ts'
import { operation } from '../operation.ts'
import { OperationEndpoint } from '../operation-endpoint.ts'

const MY_QUOTA = operation({ method: 'GET', path: '/me/quota', reply: QuotaWindowListSchema })

/**
 * Where your hourly quota stands in every window Toggl counts it in: your own (`/me…` calls and
 * creating organizations) and each organization's.
 *
 * @example
 * for (const { organizationId, remaining, total } of await new QuotaEndpoint(auth).collect()) {
 *   console.log(organizationId ?? 'me', `${remaining}/${total}`)
 * }
 */
export class QuotaEndpoint extends OperationEndpoint {
  constructor(auth: BasicAuth, cache?: TogglCache | null, options?: EndpointOptions) {
    super(auth, cache, options)
  }

  /**
   * Every quota window: `GET /me/quota`. Never cached, as it changes with every request. Each
   * window also updates this account's view of it (`quotaOf(id)` and the fail-fast check, in
   * every endpoint of the account) and is told to `onQuota`; `quota` stays the newest reply's own.
   * A reset beyond Toggl's one-hour window is taken as an hour.
   * Costs 1 request, drawn from your own (user-level) quota.
   */
  async collect(options?: CallOptions): Promise<QuotaInfo[]> {
    const windows = await this.run(MY_QUOTA, 'QuotaEndpoint.collect', {}, options)
    const at = Date.now()
    return windows.map((window) => {
      const info: QuotaInfo = {
        remaining: window.remaining,
        resetsIn: cappedReset(window.resets_in_secs),
        at,
        organizationId: window.organization_id ?? null,
        total: window.total,
      }
      this.core.noteWindow(info)
      return info
    })
  }
}
