import { INVALID_JSON, memberOrganization, parseJsonObject, type ApiCall, type Route } from '../calls.ts'
import { emptyReply, errorReply, jsonReply, type Reply } from '../responses.ts'

const TEXT_FIELDS = ['full_name', 'members_range', 'skipped_step']
const LIST_FIELDS = ['heard', 'industries', 'reasons', 'user_segments']

/** `GET /organizations/{id}/segmentation`: 204 with no body until one is saved. */
function getSegmentation(call: ApiCall): Reply {
  const organization = memberOrganization(call)
  if (!organization) return errorReply(404, 'User not part of organization')
  return organization.segmentation ? jsonReply(200, organization.segmentation) : emptyReply(204)
}

/**
 * `PUT /organizations/{id}/segmentation`: replaces it. As Go decodes into a struct, unknown fields
 * are ignored, a field of the wrong type is a JSON error, and a field left out is stored empty.
 */
function saveSegmentation(call: ApiCall): Reply {
  const organization = memberOrganization(call)
  if (!organization) return errorReply(404, 'User not part of organization')
  const payload = parseJsonObject(call.body)
  if (!payload || !wellTyped(payload)) return errorReply(400, INVALID_JSON)
  const field = (name: string, empty: unknown) => payload[name] ?? empty
  organization.segmentation = {
    organization_id: organization.id,
    user_id: call.account.id,
    ...Object.fromEntries(TEXT_FIELDS.map((name) => [name, field(name, '')])),
    ...Object.fromEntries(LIST_FIELDS.map((name) => [name, field(name, null)])),
    demo_requested: field('demo_requested', false),
  }
  call.state.touch(organization)
  return jsonReply(200, organization.segmentation)
}

function wellTyped(payload: Record<string, unknown>): boolean {
  const isText = (value: unknown) => typeof value === 'string'
  const fits = (name: string, check: (value: unknown) => boolean) => payload[name] === undefined || payload[name] === null || check(payload[name])
  return (
    TEXT_FIELDS.every((name) => fits(name, isText)) &&
    LIST_FIELDS.every((name) => fits(name, (value) => Array.isArray(value) && value.every(isText))) &&
    fits('demo_requested', (value) => typeof value === 'boolean')
  )
}

export const SEGMENTATION_ROUTES = [
  {
    pattern: /^\/organizations\/([^/]+)\/segmentation$/,
    handlers: new Map([
      ['GET', getSegmentation],
      ['PUT', saveSegmentation],
    ]),
  },
] satisfies Route[]
