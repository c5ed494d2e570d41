import { describe, expect, it } from 'vitest'
import { accountStateOf, type AccountState } from '../src/core/account.ts'
import { BasicAuth } from '../src/index.ts'
import { collectGarbage } from './support/gc.ts'

const BASE = 'https://api.example.test/api/v9'
const auth = (token: string) => BasicAuth.fromApiToken(token)
const at = Date.now()

/** Makes `count` other accounts' states, as a server that signs in many users would. */
function touchOthers(count: number, prefix: string): void {
  for (let i = 0; i < count; i++) accountStateOf(auth(`${prefix}-${i}`), BASE)
}

describe('the per-account state registry', () => {
  it('lets go of an account nobody uses once many others came after it (a server with many users)', async () => {
    accountStateOf(auth('forgotten'), BASE).noteQuota({ remaining: 0, resetsIn: 600, at, organizationId: null })
    touchOthers(1000, 'crowd-a')
    await collectGarbage()
    expect(accountStateOf(auth('forgotten'), BASE).quotaOf(null)).toBeNull()
  })

  it('keeps sharing the state of an account a client still holds, however many came after it', async () => {
    let held: AccountState | undefined = accountStateOf(auth('held'), BASE)
    held.noteQuota({ remaining: 0, resetsIn: 600, at, organizationId: null })
    touchOthers(1000, 'crowd-b')
    await collectGarbage()
    expect(accountStateOf(auth('held'), BASE)).toBe(held)
    held = undefined
  })

  it('keeps the most recent accounts even without a client (an endpoint made per request)', async () => {
    accountStateOf(auth('per-request'), BASE).noteQuota({ remaining: 0, resetsIn: 600, at, organizationId: null })
    touchOthers(10, 'crowd-c')
    await collectGarbage()
    expect(accountStateOf(auth('per-request'), BASE).quotaOf(null)).toMatchObject({ remaining: 0 })
  })
})
