import * as v from 'valibot'
import { commaSeparated, EmailInputSchema, GroupRefSchema, IdInputSchema, IdListInputSchema, IdSchema, PositiveCountInputSchema, unique } from '../common.ts'
import { UserNameSchema } from '../names.ts'

/** One workspace of an organization user, as detailed listings describe it. */
const OrganizationUserWorkspaceSchema = v.looseObject({
  workspace_id: IdSchema,
  workspace_user_id: v.nullish(IdSchema),
  workspace_name: v.nullish(v.string()),
  /** Deprecated by Toggl in favour of `role_id`. */
  admin: v.nullish(v.boolean()),
  active: v.nullish(v.boolean()),
  inactive: v.nullish(v.boolean()),
  role_id: v.nullish(IdSchema),
  rate: v.nullish(v.number()),
  cost: v.nullish(v.number()),
  working_hours: v.nullish(v.number()),
  default_currency: v.nullish(v.string()),
  view_edit_billable_rates: v.nullish(v.boolean()),
  view_edit_labor_costs: v.nullish(v.boolean()),
  groups: v.nullish(v.array(GroupRefSchema)),
})

/**
 * A member of an organization, or someone invited to it (`joined: false`, with `invitation_id`).
 * `id` is the organization-user id that `edit` and `delete` take; `user_id` is the account.
 */
export const OrganizationUserSchema: v.GenericSchema<unknown, OrganizationUser> = v.looseObject({
  id: IdSchema,
  user_id: v.nullish(IdSchema),
  organization_id: v.nullish(IdSchema),
  name: v.string(),
  email: v.string(),
  /** Deprecated by Toggl in favour of `role_id`. */
  admin: v.nullish(v.boolean()),
  /** Deprecated by Toggl in favour of `role_id`. */
  owner: v.nullish(v.boolean()),
  inactive: v.nullish(v.boolean()),
  joined: v.nullish(v.boolean()),
  invitation_id: v.nullish(IdSchema),
  role_id: v.nullish(IdSchema),
  avatar_url: v.nullish(v.string()),
  can_edit_email: v.nullish(v.boolean()),
  '2fa_enabled': v.nullish(v.boolean()),
  workspace_count: v.nullish(v.number()),
  /** Only in detailed listings; Go sends `null` for none. */
  groups: v.nullish(v.array(GroupRefSchema)),
  /** Only in detailed listings; Go sends `null` for none. */
  workspaces: v.nullish(v.array(OrganizationUserWorkspaceSchema)),
})

export const OrganizationUserListSchema: v.GenericSchema<unknown[], OrganizationUser[]> = v.array(OrganizationUserSchema)

export interface OrganizationUser {
  id: number
  user_id?: number | null | undefined
  organization_id?: number | null | undefined
  name: string
  email: string
  /** Deprecated by Toggl in favour of `role_id`. */
  admin?: boolean | null | undefined
  /** Deprecated by Toggl in favour of `role_id`. */
  owner?: boolean | null | undefined
  inactive?: boolean | null | undefined
  joined?: boolean | null | undefined
  invitation_id?: number | null | undefined
  role_id?: number | null | undefined
  avatar_url?: string | null | undefined
  can_edit_email?: boolean | null | undefined
  '2fa_enabled'?: boolean | null | undefined
  workspace_count?: number | null | undefined
  /** Only in detailed listings; Go sends `null` for none. */
  groups?: ({ group_id: number; name: string } & { [key: string]: unknown })[] | null | undefined
  /** Only in detailed listings; Go sends `null` for none. */
  workspaces?: ({ workspace_id: number; workspace_user_id?: number | null | undefined; workspace_name?: string | null | undefined; admin?: boolean | null | undefined; active?: boolean | null | undefined; inactive?: boolean | null | undefined; role_id?: number | null | undefined; rate?: number | null | undefined; cost?: number | null | undefined; working_hours?: number | null | undefined; default_currency?: string | null | undefined; view_edit_billable_rates?: boolean | null | undefined; view_edit_labor_costs?: boolean | null | undefined; groups?: ({ group_id: number; name: string } & { [key: string]: unknown })[] | null | undefined } & { [key: string]: unknown })[] | null | undefined
  [key: string]: unknown
}

/** What `active_status` can ask for. */
export type UserStatus = 'active' | 'inactive' | 'invited'

/** Narrows a listing of organization users; every filter is optional. */
export interface UserFilters {
  /** Only users whose name or email contains this text. */
  filter?: string
  /** Only users with one of these statuses (all statuses when left out). */
  active_status?: UserStatus[]
  /** `true`: only admins. */
  only_admins?: boolean
  /** Only users in one of these groups (ids). */
  groups?: number[]
  /** Only users in one of these workspaces (ids). */
  workspaces?: number[]
  /** Sorted by name. @default 'asc' */
  sort_dir?: 'asc' | 'desc'
}

/** Filters plus the page size. */
export interface UserListing extends UserFilters {
  /** Users per page. @default 50 (Toggl's default) */
  per_page?: number
}

/** Filters, page size and the page to fetch. */
export interface UserPageQuery extends UserListing {
  /** From 1. @default 1 */
  page?: number
}

/** Ids to filter by: an empty list would filter nothing, so it is refused rather than guessed at. */
const FilterIdsSchema = v.pipe(IdListInputSchema, v.minLength(1, 'must name at least one id'))

const FILTER_ENTRIES = {
  // An empty search box means no filter, as Toggl would read it; it is left off the URL.
  filter: v.optional(v.pipe(v.string('must be a string'), v.transform((text) => text || undefined))),
  active_status: v.optional(
    v.pipe(
      v.array(v.picklist(['active', 'inactive', 'invited'], "must be 'active', 'inactive' or 'invited'"), 'must be an array of statuses'),
      v.minLength(1, 'must name at least one status'),
      v.check((values) => unique(values), 'must not repeat a status'),
    ),
  ),
  only_admins: v.optional(v.boolean('must be true or false')),
  groups: v.optional(FilterIdsSchema),
  workspaces: v.optional(FilterIdsSchema),
  sort_dir: v.optional(v.picklist(['asc', 'desc'], "must be 'asc' or 'desc'")),
}

interface ListFilters {
  active_status?: readonly string[] | undefined
  groups?: readonly number[] | undefined
  workspaces?: readonly number[] | undefined
}

/** Toggl takes lists as comma-separated text. */
function toQuery<T extends ListFilters>({ active_status, groups, workspaces, ...rest }: T) {
  return {
    ...rest,
    active_status: active_status?.join(','),
    groups: groups && commaSeparated(groups),
    workspaces: workspaces && commaSeparated(workspaces),
  }
}

/**
 * The filters with `extra` entries, checked strictly and turned into Toggl's query. Marked free of
 * side effects so that bundlers drop it from apps that list no users.
 */
/* @__NO_SIDE_EFFECTS__ */
function listingSchema<const E extends v.ObjectEntries>(extra: E, message: string) {
  return v.pipe(v.strictObject({ ...FILTER_ENTRIES, ...extra }, message), v.transform(toQuery))
}

/** A valid {@link UserListing}. */
interface CheckedListing {
  filter?: string | undefined
  active_status?: ('active' | 'inactive' | 'invited')[] | undefined
  only_admins?: boolean | undefined
  groups?: number[] | undefined
  workspaces?: number[] | undefined
  sort_dir?: 'asc' | 'desc' | undefined
  per_page?: number | undefined
}

/** A valid {@link UserPageQuery}. */
interface CheckedPageQuery extends CheckedListing {
  page?: number | undefined
}

/** What {@link toQuery} makes of valid filters. */
type TogglQuery<T> = Omit<T, 'active_status' | 'groups' | 'workspaces'> & { active_status: string | undefined; groups: string | undefined; workspaces: string | undefined }

/** `iterate()`'s filters: the page number is the iterator's business. */
export const UserListingSchema: v.GenericSchema<CheckedListing, TogglQuery<CheckedListing>> = listingSchema({ per_page: v.optional(PositiveCountInputSchema) }, 'filters must be an object')

/** `page()`'s query. */
export const UserPageQuerySchema: v.GenericSchema<CheckedPageQuery, TogglQuery<CheckedPageQuery>> = listingSchema(
  { per_page: v.optional(PositiveCountInputSchema), page: v.optional(PositiveCountInputSchema) },
  'query must be an object',
)


// Nullable, as detailed listings send them: a workspace from a reply can be changed and sent back.
const RateSchema = v.nullish(v.pipe(v.number('must be a number'), v.finite('must be a finite number'), v.minValue(0, 'must not be negative')))

/** A group membership sent back as a listing gave it: its id is an id the caller gives, checked as one. */
const GroupRefInputSchema = v.looseObject({ group_id: IdInputSchema, name: v.string('must be a string') }, 'must be a group')

/** One workspace in an organization user's changes (Toggl's OrgUserWorkspace fields that are settings). */
const WorkspaceChangeSchema = v.strictObject(
  {
    workspace_id: IdInputSchema,
    workspace_user_id: v.nullish(IdInputSchema),
    admin: v.nullish(v.boolean('must be true or false')),
    role_id: v.nullish(IdInputSchema),
    role: v.nullish(v.string('must be a string')),
    active: v.nullish(v.boolean('must be true or false')),
    inactive: v.nullish(v.boolean('must be true or false')),
    rate: RateSchema,
    cost: RateSchema,
    working_hours: RateSchema,
    // Read-only in Toggl's model, but part of it: taken so a listed workspace can be sent back as is.
    workspace_name: v.nullish(v.string('must be a string')),
    groups: v.nullish(v.array(GroupRefInputSchema, 'must be an array of groups')),
    default_currency: v.nullish(v.string('must be a string')),
    view_edit_billable_rates: v.nullish(v.boolean('must be true or false')),
    view_edit_labor_costs: v.nullish(v.boolean('must be true or false')),
  },
  'must be an object with a workspace_id',
)

/** Changes to one organization user: `PUT /organizations/{id}/users/{organization_user_id}`. */
export interface OrganizationUserChanges {
  /** Only for a user who belongs to no other organization (it is their account's email). */
  email?: string
  /** Only for a user who belongs to no other organization (it is their account's name). */
  name?: string
  /** `true` deactivates the user; the owner cannot be deactivated. */
  inactive?: boolean
  /** Grants or removes admin rights; not together with `role_id`. */
  organization_admin?: boolean
  role_id?: number
  /** The groups the user should be in (ids); `[]` for none. */
  groups?: number[]
  /** The workspaces the user should be in, with their settings there. */
  workspaces?: OrganizationUserWorkspaceChange[]
}

/** A workspace of {@link OrganizationUserChanges}: which one, and the user's settings there. */
export interface OrganizationUserWorkspaceChange {
  workspace_id: number
  workspace_user_id?: number | null | undefined
  /** Deprecated by Toggl in favour of `role_id`. */
  admin?: boolean | null | undefined
  role_id?: number | null | undefined
  /** Deprecated by Toggl in favour of `role_id`. */
  role?: string | null | undefined
  active?: boolean | null | undefined
  inactive?: boolean | null | undefined
  rate?: number | null | undefined
  cost?: number | null | undefined
  working_hours?: number | null | undefined
  default_currency?: string | null | undefined
  view_edit_billable_rates?: boolean | null | undefined
  view_edit_labor_costs?: boolean | null | undefined
  /** Toggl's own; sent back as given when a listed workspace is passed in whole. */
  workspace_name?: string | null | undefined
  groups?: { group_id: number; name: string }[] | null | undefined
}

export const OrganizationUserChangesSchema: v.GenericSchema<{ email?: string | undefined; name?: string | undefined; inactive?: boolean | undefined; organization_admin?: boolean | undefined; role_id?: number | undefined; groups?: number[] | undefined; workspaces?: { workspace_id: number; workspace_user_id?: number | null | undefined; admin?: boolean | null | undefined; role_id?: number | null | undefined; role?: string | null | undefined; active?: boolean | null | undefined; inactive?: boolean | null | undefined; rate?: number | null | undefined; cost?: number | null | undefined; working_hours?: number | null | undefined; workspace_name?: string | null | undefined; groups?: ({ group_id: number; name: string } & { [key: string]: unknown })[] | null | undefined; default_currency?: string | null | undefined; view_edit_billable_rates?: boolean | null | undefined; view_edit_labor_costs?: boolean | null | undefined }[] | undefined }> = v.pipe(
  v.strictObject(
    {
      email: v.optional(EmailInputSchema),
      name: v.optional(UserNameSchema),
      inactive: v.optional(v.boolean('must be true or false')),
      organization_admin: v.optional(v.boolean('must be true or false')),
      role_id: v.optional(IdInputSchema),
      groups: v.optional(IdListInputSchema),
      workspaces: v.optional(
        v.pipe(
          v.array(WorkspaceChangeSchema, 'must be an array of workspaces'),
          v.check((list) => unique(list.map(({ workspace_id }) => workspace_id)), 'must not repeat a workspace_id'),
        ),
      ),
    },
    'changes must be an object',
  ),
  v.check((changes) => Object.values(changes).some((value) => value !== undefined), 'changes must set at least one field'),
  v.check(
    (changes) => changes.organization_admin === undefined || changes.role_id === undefined,
    'changes must not set both organization_admin and role_id (Toggl takes one or the other)',
  ),
)

/** The organization users to remove, as ids: at least one, each once. */
export const OrganizationUserDeletionSchema: v.GenericSchema<number[], { delete: number[] }> = v.pipe(
  v.array(IdInputSchema),
  v.minLength(1, 'organization users must name at least one user'),
  v.check((values) => unique(values), 'organization users must not repeat an id'),
  v.transform((ids) => ({ delete: ids })),
)
