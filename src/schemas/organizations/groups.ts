import * as v from 'valibot'
import { IdInputSchema, IdListInputSchema, IdSchema, TimestampSchema } from '../common.ts'
import { GroupNameSchema } from '../names.ts'

const GroupUserSchema = v.looseObject({
  /** The member's account (user) id. */
  user_id: IdSchema,
  name: v.nullish(v.string()),
  avatar_url: v.nullish(v.string()),
  /** Deactivated in the organization, still a member. */
  inactive: v.nullish(v.boolean()),
  /** Has accepted the invitation into the organization. */
  joined: v.nullish(v.boolean()),
})

/** A group of an organization with its members and workspaces (`GET /organizations/{id}/groups`). */
export const OrganizationGroupSchema: v.GenericSchema<unknown, OrganizationGroup> = v.looseObject({
  group_id: IdSchema,
  name: v.string(),
  /** Last change. */
  at: v.nullish(TimestampSchema),
  permissions: v.nullish(v.array(v.string())),
  users: v.nullish(v.array(GroupUserSchema)),
  /** Workspace ids. */
  workspaces: v.nullish(v.array(IdSchema)),
})

export const OrganizationGroupListSchema: v.GenericSchema<unknown[], OrganizationGroup[]> = v.array(OrganizationGroupSchema)

export interface OrganizationGroup {
  group_id: number
  name: string
  /** Last change. */
  at?: string | null | undefined
  permissions?: string[] | null | undefined
  users?: ({ user_id: number; name?: string | null | undefined; avatar_url?: string | null | undefined; inactive?: boolean | null | undefined; joined?: boolean | null | undefined } & { [key: string]: unknown })[] | null | undefined
  /** Workspace ids. */
  workspaces?: number[] | null | undefined
  [key: string]: unknown
}

const PatchEchoSchema = v.looseObject({
  op: v.string(),
  path: v.string(),
  value: v.nullish(v.array(IdSchema)),
})

/** What `PATCH …/groups/{group_id}` did: the operations applied, and those refused with why. */
export const GroupPatchResultSchema: v.GenericSchema<unknown, GroupPatchResult> = v.looseObject({
  success: v.nullish(v.array(PatchEchoSchema)),
  failure: v.nullish(v.array(v.looseObject({ message: v.string(), patch: v.nullish(PatchEchoSchema) }))),
})

export interface GroupPatchResult {
  success?: ({ op: string; path: string; value?: number[] | null | undefined } & { [key: string]: unknown })[] | null | undefined
  failure?: ({ message: string; patch?: ({ op: string; path: string; value?: number[] | null | undefined } & { [key: string]: unknown }) | null | undefined } & { [key: string]: unknown })[] | null | undefined
  [key: string]: unknown
}

/** Filters of the group listing: a part of the name (any case), or a workspace the groups are in. */
export interface GroupFilters {
  name?: string
  workspace?: number
}

export const GroupFiltersSchema: v.GenericSchema<{ name?: string | undefined; workspace?: number | undefined }> = v.strictObject(
  { name: v.optional(v.string('must be a string')), workspace: v.optional(IdInputSchema) },
  'filters must be an object',
)

/** A new group, or everything a group is to be (`PUT` sends it whole). */
export interface GroupInput {
  name: string
  /** Account (user) ids of organization members. */
  users?: number[]
  /** Ids of the organization's workspaces. */
  workspaces?: number[]
}

export const GroupInputSchema: v.GenericSchema<{ name: string; users?: number[] | undefined; workspaces?: number[] | undefined }> = v.strictObject(
  { name: GroupNameSchema, users: v.optional(IdListInputSchema), workspaces: v.optional(IdListInputSchema) },
  'group must be an object',
)

/** One change of a group's members or workspaces; `value` holds 1 to 100 ids. */
export interface GroupPatchOperation {
  op: 'add' | 'remove'
  path: '/users' | '/workspaces'
  value: number[]
}

// Toggl's limits: at most 100 operations per request, 1 to 100 ids per operation. (Literals, not a
// constant in a template: bundlers keep template literals, and with them these schemas.)
const GroupPatchOperationSchema = v.strictObject(
  {
    op: v.picklist(['add', 'remove'], "must be 'add' or 'remove'"),
    path: v.picklist(['/users', '/workspaces'], "must be '/users' or '/workspaces'"),
    value: v.pipe(
      IdListInputSchema,
      v.minLength(1, 'must have at least 1 id'),
      v.maxLength(100, 'must have at most 100 ids'),
    ),
  },
  'must be an operation object',
)

export const GroupPatchInputSchema: v.GenericSchema<GroupPatchOperation[], GroupPatchOperation[]> = v.pipe(
  v.array(GroupPatchOperationSchema, 'operations must be an array'),
  v.minLength(1, 'operations must hold at least 1 operation'),
  v.maxLength(100, 'operations must hold at most 100 operations'),
)
