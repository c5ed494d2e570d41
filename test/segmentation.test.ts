import { describe, expect, it } from 'vitest'
import { HTTPStatusError, InputError, MemoryCache } from '../src/index.ts'
import { SegmentationEndpoint } from '../src/endpoints/organizations/segmentation.ts'
import { DEMO_ACCOUNT } from '../src/mock/index.ts'
import { expectDrift, expectStatus, failureOf } from './support/fake.ts'
import { startAcmeAndInitech as seeded } from './support/organizations.ts'

const SAVED = { full_name: 'Demo User', industries: ['software'], members_range: '2-10', demo_requested: true }

describe('SegmentationEndpoint.get', () => {
  it('sends GET /organizations/{id}/segmentation and answers null for 204 (none saved)', async () => {
    const { fake, acme } = await seeded()
    expect(await fake.endpoint(SegmentationEndpoint).get(acme)).toBeNull()
    expect(fake.last()).toEqual({ method: 'GET', path: `/organizations/${acme}/segmentation`, query: {}, body: undefined })
  })

  it('parses a saved segmentation', async () => {
    const { fake, acme } = await seeded()
    const segmentations = fake.endpoint(SegmentationEndpoint)
    const stored = await segmentations.edit(acme, SAVED)
    expect(await segmentations.get({ id: acme })).toEqual(stored)
    expect(stored).toMatchObject({ ...SAVED, organization_id: acme, user_id: 1 })
  })

  it('is never cached: every call sends', async () => {
    const { fake, acme } = await seeded()
    const segmentations = fake.endpoint(SegmentationEndpoint, new MemoryCache())
    await segmentations.edit(acme, SAVED)
    await segmentations.get(acme)
    await segmentations.get(acme)
    expect(fake.sent()).toBe(3)
  })

  it('maps 404 (not a member) to HTTPStatusError with the server message', async () => {
    const { fake, initech } = await seeded()
    await expectStatus(fake.endpoint(SegmentationEndpoint).get(initech), 404, 'User not part of organization')
  })

  it('names the field of a reply that drifted', async () => {
    const { fake, acme } = await seeded()
    fake.replyOnce('{"heard":"friends"}')
    await expectDrift(fake.endpoint(SegmentationEndpoint).get(acme), '$.heard')
  })
})

describe('SegmentationEndpoint.edit', () => {
  it('sends PUT /organizations/{id}/segmentation with the fields and returns what was stored', async () => {
    const { fake, acme } = await seeded()
    const stored = await fake.endpoint(SegmentationEndpoint).edit(acme, SAVED)
    expect(fake.last()).toEqual({ method: 'PUT', path: `/organizations/${acme}/segmentation`, query: {}, body: SAVED })
    // The fake stores a field left out empty, as Go's zero values.
    expect(stored).toEqual({
      ...SAVED,
      organization_id: acme,
      user_id: 1,
      heard: null,
      reasons: null,
      user_segments: null,
      skipped_step: '',
    })
  })

  it('replaces an earlier segmentation', async () => {
    const { fake, acme } = await seeded()
    const segmentations = fake.endpoint(SegmentationEndpoint)
    await segmentations.edit(acme, SAVED)
    const replaced = await segmentations.edit(acme, { skipped_step: 'industries', heard: ['search'] })
    expect(replaced).toMatchObject({ skipped_step: 'industries', heard: ['search'], full_name: '', industries: null, demo_requested: false })
  })

  it('maps 404 (not a member) to HTTPStatusError', async () => {
    const { fake, initech } = await seeded()
    const error = await failureOf(fake.endpoint(SegmentationEndpoint).edit(initech, SAVED))
    expect(error).toBeInstanceOf(HTTPStatusError)
    expect(error).toMatchObject({ status: 404, serverMessage: 'User not part of organization' })
    expect(fake.mock.state.organizations.get(initech)!.segmentation).toBeUndefined()
  })

  it('the fake refuses a field of the wrong type as invalid JSON, as Go decodes it', async () => {
    const { fake, acme } = await seeded()
    const response = await fetch(`${fake.server.baseURL}/organizations/${acme}/segmentation`, {
      method: 'PUT',
      headers: { authorization: `Basic ${btoa(`${DEMO_ACCOUNT.apiToken}:api_token`)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ heard: 'friends' }),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toBe('Invalid JSON input')
  })

  it.each([
    [{}, /: segmentation must set at least one field, got an object/],
    [{ full_name: undefined }, /: segmentation must set at least one field/],
    [null, /: segmentation must be an object, got null/],
    [{ heard: 'friends' }, /: heard must be an array of strings, got "friends"/],
    [{ reasons: [1] }, /: reasons\[0\] must be a string, got 1/],
    [{ demo_requested: 'yes' }, /: demo_requested must be a boolean, got "yes"/],
    [{ full_name: 'A', fullname: 'A' }, /: fullname is not a field Toggl takes here/],
  ])('rejects segmentation %j with InputError and sends nothing', async (segmentation, message) => {
    const { fake, acme } = await seeded()
    const error = await failureOf(fake.endpoint(SegmentationEndpoint).edit(acme, segmentation as never))
    expect(error).toBeInstanceOf(InputError)
    expect(error.message).toMatch(/^SegmentationEndpoint\.edit: /)
    expect(error.message).toMatch(message)
    expect(fake.sent()).toBe(0)
  })

  it('rejects a bad organization with InputError and sends nothing', async () => {
    const { fake } = await seeded()
    await expect(fake.endpoint(SegmentationEndpoint).edit(-3, SAVED)).rejects.toBeInstanceOf(InputError)
    expect(fake.sent()).toBe(0)
  })
})
