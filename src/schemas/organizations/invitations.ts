import * as v from 'valibot'
import { EmailInputSchema, IdInputSchema, IdListInputSchema, IdSchema } from '../common.ts'


const flag = v.optional(v.boolean('must be a boolean'))

const InvitedWorkspaceSchema = v.strictObject(
  {
    workspace_id: IdInputSchema,
    /** Make them an admin of this workspace. */
    admin: flag,
    /** A role of the organization (see `RoleEndpoint.collect`). */
    role_id: v.optional(IdInputSchema),
    role: v.optional(v.string('must be a string')),
    /** Where the person comes from, when another system invites them. */
    integration_data: v.optional(
      v.strictObject(
        {
          external_id: v.optional(v.string('must be a string')),
          external_type: v.optional(v.string('must be a string')),
          provider: v.optional(v.string('must be a string')),
        },
        'must be an object',
      ),
    ),
  },
  'must be an object',
)

/** An invitation to join an organization, sent to each address in `emails`. */
export const InvitationInputSchema: v.GenericSchema<InvitationInput, InvitationInput> = v.strictObject(
  {
    /** At least one, each once (case does not count). */
    emails: v.pipe(
      v.array(EmailInputSchema, 'must be an array of e-mail addresses'),
      v.minLength(1, 'must name at least one e-mail address'),
      v.check((emails) => new Set(emails.map((email) => email.toLowerCase())).size === emails.length, 'must not repeat an e-mail address'),
    ),
    /** The workspaces they join, at least one. */
    workspaces: v.pipe(
      v.array(InvitedWorkspaceSchema, 'must be an array of workspaces'),
      v.minLength(1, 'must name at least one workspace'),
      v.check((entries) => new Set(entries.map((entry) => entry.workspace_id)).size === entries.length, 'must not repeat a workspace'),
    ),
    /** Groups of the organization they join. */
    groups: v.optional(IdListInputSchema),
    /** Invite without Toggl e-mailing them (share the link yourself). */
    skip_email: flag,
    /** A project they join as well. */
    project_invite: v.optional(
      v.strictObject(
        {
          project_id: IdInputSchema,
          workspace_id: IdInputSchema,
          /** Make them a manager of the project. */
          manager: flag,
        },
        'must be an object',
      ),
    ),
  },
  'invitation must be an object',
)

export interface InvitationInput {
  /** At least one, each once (case does not count). */
  emails: string[]
  /** The workspaces they join, at least one. */
  workspaces: { workspace_id: number; admin?: boolean | undefined; role_id?: number | undefined; role?: string | undefined; integration_data?: { external_id?: string | undefined; external_type?: string | undefined; provider?: string | undefined } | undefined }[]
  /** Groups of the organization they join. */
  groups?: number[] | undefined
  /** Invite without Toggl e-mailing them (share the link yourself). */
  skip_email?: boolean | undefined
  /** A project they join as well. */
  project_invite?: { project_id: number; workspace_id: number; manager?: boolean | undefined } | undefined
}

/** What Toggl made of one invited address. */
const InvitationInfoSchema = v.looseObject({
  invitation_id: v.nullish(IdSchema),
  email: v.nullish(v.string()),
  organization_id: v.nullish(IdSchema),
  sender_id: v.nullish(IdSchema),
  /** Their account id, when they have a Toggl account already. */
  recipient_id: v.nullish(IdSchema),
  invite_url: v.nullish(v.string()),
  workspaces: v.nullish(
    v.array(v.looseObject({ workspace_id: v.nullish(IdSchema), user_id: v.nullish(IdSchema), workspace_user_id: v.nullish(IdSchema) })),
  ),
})

/** An invitation as its recipient sees it; `code` is what `accept` and `reject` take. */
const SentInvitationSchema = v.looseObject({
  code: v.nullish(v.string()),
  email: v.nullish(v.string()),
  organization_id: v.nullish(IdSchema),
  organization_name: v.nullish(v.string()),
  sender_email: v.nullish(v.string()),
  sender_name: v.nullish(v.string()),
})

/** The reply of `POST /organizations/{id}/invitations`. */
export const InvitationResultSchema: v.GenericSchema<unknown, InvitationResult> = v.looseObject({
  data: v.nullish(v.array(InvitationInfoSchema)),
  invitations: v.nullish(v.array(SentInvitationSchema)),
  /** Notes about addresses Toggl did not invite as asked. */
  messages: v.nullish(v.array(v.string())),
})

export interface InvitationInfo {
  invitation_id?: number | null | undefined
  email?: string | null | undefined
  organization_id?: number | null | undefined
  sender_id?: number | null | undefined
  /** Their account id, when they have a Toggl account already. */
  recipient_id?: number | null | undefined
  invite_url?: string | null | undefined
  workspaces?: ({ workspace_id?: number | null | undefined; user_id?: number | null | undefined; workspace_user_id?: number | null | undefined } & { [key: string]: unknown })[] | null | undefined
  [key: string]: unknown
}
export interface SentInvitation {
  code?: string | null | undefined
  email?: string | null | undefined
  organization_id?: number | null | undefined
  organization_name?: string | null | undefined
  sender_email?: string | null | undefined
  sender_name?: string | null | undefined
  [key: string]: unknown
}
export interface InvitationResult {
  data?: ({ invitation_id?: number | null | undefined; email?: string | null | undefined; organization_id?: number | null | undefined; sender_id?: number | null | undefined; recipient_id?: number | null | undefined; invite_url?: string | null | undefined; workspaces?: ({ workspace_id?: number | null | undefined; user_id?: number | null | undefined; workspace_user_id?: number | null | undefined } & { [key: string]: unknown })[] | null | undefined } & { [key: string]: unknown })[] | null | undefined
  invitations?: ({ code?: string | null | undefined; email?: string | null | undefined; organization_id?: number | null | undefined; organization_name?: string | null | undefined; sender_email?: string | null | undefined; sender_name?: string | null | undefined } & { [key: string]: unknown })[] | null | undefined
  /** Notes about addresses Toggl did not invite as asked. */
  messages?: string[] | null | undefined
  [key: string]: unknown
}

/**
 * The code from an invitation link. It goes into the path (URL-encoded), so it must not be empty,
 * hold a '/', or be '.' or '..', which a URL reads as "this" or "the parent" folder.
 */
export const InvitationCodeSchema: v.GenericSchema<string, string> = v.pipe(
  v.string('must be a string'),
  v.nonEmpty('must not be empty'),
  v.check((code) => !code.includes('/'), "must not contain '/'"),
  v.check((code) => code !== '.' && code !== '..', "must not be '.' or '..'"),
)
