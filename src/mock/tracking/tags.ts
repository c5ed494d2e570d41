import { INVALID_JSON, isIdList, parseId, parseJsonObject, type ApiCall, type Route } from '../calls.ts'
import { containsText, countOf, INVALID_SINCE, listed, pageOf, sinceOf } from '../listing.ts'
import type { MockTag } from '../model.ts'
import { errorReply, jsonReply, type Reply } from '../responses.ts'
import { tagView } from '../views.ts'
import { entityIn, myWorkspaceIds, workspaceOf, type WorkspaceCall } from '../workspace-calls.ts'

export const TAG_ADMINS_ONLY = 'Only organization or workspace administrators may manage tags in this workspace.'

const byName = (a: MockTag, b: MockTag) => a.name.localeCompare(b.name) || a.id - b.id

/** Whether the caller may create, rename or delete tags here (`only_admins_may_create_tags`). */
function mayManage(found: WorkspaceCall): boolean {
  return found.admin || !found.workspace.settings.only_admins_may_create_tags
}

function liveTags(call: ApiCall, found: WorkspaceCall): MockTag[] {
  return [...call.state.tags.values()].filter((tag) => tag.deletedAt === null && tag.workspaceId === found.workspace.id)
}

// Toggl does not say whether "Billed" and "billed" clash; the fake says they do.
function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase()
}

/**
 * The workspace's tags with these names, creating the missing ones as time entries do; `undefined`
 * when one is missing and the caller may not create tags.
 */
export function tagsNamed(call: ApiCall, found: WorkspaceCall, names: readonly string[]): MockTag[] | undefined {
  const tags: MockTag[] = []
  for (const name of names.filter((name) => name.trim() !== '')) {
    let tag = liveTags(call, found).find((candidate) => sameName(candidate.name, name))
    if (!tag) {
      if (!mayManage(found)) return undefined
      tag = call.state.addTag({ workspaceId: found.workspace.id, name, creatorId: call.account.id })
    }
    tags.push(tag)
  }
  return tags
}

/** `GET /workspaces/{wid}/tags`: by name; `search` filters, `page`/`per_page` page (all at once without `per_page`: the fake's rule). */
function listTags(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  const page = countOf(call.query, 'page', 1)
  const tags = liveTags(call, found)
    .filter((tag) => containsText(tag.name, call.query.get('search')))
    .sort(byName)
  const perPage = countOf(call.query, 'per_page', Math.max(tags.length, 1))
  if (page === null || perPage === null) return errorReply(400, 'Invalid page or per_page')
  return jsonReply(200, pageOf(tags, page, perPage).map(tagView))
}

/** The checked name of a POST or PUT body, or the 400 message. */
function nameOf(call: ApiCall, found: WorkspaceCall, self: MockTag | undefined): string | { problem: string } {
  const payload = parseJsonObject(call.body)
  if (!payload) return { problem: INVALID_JSON }
  const { name = '' } = payload
  if (typeof name !== 'string') return { problem: INVALID_JSON }
  if (name.trim() === '') return { problem: "tag name can't be blank" }
  if (liveTags(call, found).some((tag) => tag !== self && sameName(tag.name, name))) {
    return { problem: `a tag with the name '${name}' already exists` }
  }
  return name
}

/** `POST /workspaces/{wid}/tags` `{ name }`: answers the one tag made (the spec says a list; the fake follows what clients see). */
function createTag(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  if (!mayManage(found)) return errorReply(403, TAG_ADMINS_ONLY)
  const name = nameOf(call, found, undefined)
  if (typeof name !== 'string') return errorReply(400, name.problem)
  return jsonReply(200, tagView(call.state.addTag({ workspaceId: found.workspace.id, name, creatorId: call.account.id }, call.account.id)))
}

/** `PUT /workspaces/{wid}/tags/{tid}` `{ name }` */
function updateTag(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  if (!mayManage(found)) return errorReply(403, TAG_ADMINS_ONLY)
  if (parseId(call.params[1]) === undefined) return errorReply(400, 'Invalid tag ID')
  const tag = entityIn(call.state.tags, call.params[1], found.workspace)
  if (!tag) return errorReply(404, 'Tag was not found')
  const name = nameOf(call, found, tag)
  if (typeof name !== 'string') return errorReply(400, name.problem)
  call.state.update('tag', tag, { name }, call.account.id)
  return jsonReply(200, tagView(tag))
}

/** `DELETE /workspaces/{wid}/tags/{tid}`: the tag leaves the entries that carry it. */
function deleteTag(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  if (!mayManage(found)) return errorReply(403, TAG_ADMINS_ONLY)
  if (parseId(call.params[1]) === undefined) return errorReply(400, 'Invalid tag ID.')
  const tag = entityIn(call.state.tags, call.params[1], found.workspace)
  if (!tag) return errorReply(404, 'Tag was not found.')
  call.state.remove('tag', tag, call.account.id)
  return jsonReply(200, 'OK')
}

/**
 * `PATCH /workspaces/{wid}/tags`: bulk delete, all or nothing. The spec gives no body; the fake
 * takes `{ "delete": [tag ids] }`, the form of Toggl's other bulk deletions by PATCH
 * (`…/users`, `…/workspace_users`): the fake's rule.
 */
function deleteTags(call: ApiCall): Reply {
  const found = workspaceOf(call)
  if ('status' in found) return found
  if (!mayManage(found)) return errorReply(403, TAG_ADMINS_ONLY)
  const ids = parseJsonObject(call.body)?.['delete']
  if (!isIdList(ids)) return errorReply(400, INVALID_JSON)
  const tags = ids.map((id) => entityIn(call.state.tags, String(id), found.workspace))
  if (tags.some((tag) => tag === undefined)) return errorReply(400, 'Some tag IDs do not belong to workspace.')
  for (const tag of new Set(tags as MockTag[])) call.state.remove('tag', tag, call.account.id)
  return jsonReply(200, 'OK')
}

/** `GET /me/tags`: the tags of every workspace the caller is in; `since` adds deleted ones. */
function myTags(call: ApiCall): Reply {
  const since = sinceOf(call.query)
  if (since === null) return errorReply(400, INVALID_SINCE)
  const workspaces = myWorkspaceIds(call)
  const tags = [...call.state.tags.values()].filter((tag) => workspaces.has(tag.workspaceId) && listed(tag, since)).sort(byName)
  return jsonReply(200, tags.map(tagView))
}

export const TAG_ROUTES = [
  { pattern: /^\/me\/tags$/, handlers: new Map([['GET', myTags]]) },
  {
    pattern: /^\/workspaces\/(\d+)\/tags$/,
    handlers: new Map([
      ['GET', listTags],
      ['POST', createTag],
      ['PATCH', deleteTags],
    ]),
  },
  // The spec has no GET for one tag: it answers 405.
  {
    pattern: /^\/workspaces\/(\d+)\/tags\/([^/]+)$/,
    handlers: new Map([
      ['PUT', updateTag],
      ['DELETE', deleteTag],
    ]),
  },
] satisfies Route[]
