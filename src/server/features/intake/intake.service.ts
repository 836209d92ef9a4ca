import { decodeCursor, encodeCursor } from '../../../core/checkins/checkin.js';
import { DomainError } from '../../../core/errors.js';
import type {
  IntakeBody,
  IntakeDetail,
  IntakeForm,
  IntakeListQuery,
  IntakeStatus,
  IntakeSummary,
} from '../../../shared/api/intake.js';
import { t } from '../../../shared/i18n/messages.js';
import { hit } from '../../auth/rate-limit.store.js';
import type { Caller } from '../../auth/caller.js';
import { sealContext } from '../../crypto/contexts.js';
import { atomically } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { sendMail } from '../../mail/mail.js';
import {
  findIntakeRequest,
  inboxEmails,
  insertIntakeRequest,
  intakeIsOpen,
  listIntakeRequests,
  publishedTherapists,
  setIntakeStatus,
  therapistsById,
  type StoredIntakeRequest,
} from './intake.store.js';

/** Requests one address may send in an hour: enough for a person, too few to flood the inbox. */
export const INTAKE_LIMIT_PER_HOUR = 5;
const HOUR_MS = 60 * 60_000;

/**
 * Who reads the inbox: the administrator sees every request; a therapist only those that chose
 * them, and any other request is "not found" to them.
 */
export type InboxReader =
  { readonly kind: 'admin' } | { readonly kind: 'therapist'; readonly userId: string };

export const adminReader = (): InboxReader => ({ kind: 'admin' });
export const therapistReader = (c: Caller): InboxReader => ({
  kind: 'therapist',
  userId: c.userId,
});

export async function intakeForm(deps: Deps): Promise<IntakeForm> {
  const db = deps.database.db;
  const [open, therapists] = await Promise.all([intakeIsOpen(db), publishedTherapists(db)]);
  return { open, therapists: therapists.map(({ slug, name }) => ({ slug, name })) };
}

/** Whether the practice takes requests now (absent setting: yes). */
export const isOpen = (deps: Deps): Promise<boolean> => intakeIsOpen(deps.database.db);

/**
 * Takes a request for help: refused when the practice has closed intake, for a therapist not
 * listed, and past the hourly limit for the address it came from. The request is sealed whole
 * under the master key; the administrators and the chosen therapist are told only that a request
 * arrived, and the person, if they asked, only that it did.
 */
export async function sendRequest(deps: Deps, body: IntakeBody, address: string): Promise<void> {
  const db = deps.database.db;
  if (!(await intakeIsOpen(db))) throw new DomainError('intake.closed');
  let therapistId: string | null = null;
  if (body.therapist !== null) {
    const chosen = (await publishedTherapists(db)).find((p) => p.slug === body.therapist);
    if (!chosen) throw new DomainError('intake.therapist_unknown');
    therapistId = chosen.userId;
  }
  const now = deps.clock();
  if ((await hit(db, `intake:ip:${address}`, now, HOUR_MS)) > INTAKE_LIMIT_PER_HOUR) {
    throw new DomainError('intake.rate_limited');
  }
  const id = deps.newId();
  const sealed = deps.sealer.sealForServer(JSON.stringify(body), sealContext('intakeRequest', id));
  const inbox = `${deps.config.publicOrigin}/app/intake`;
  await atomically(db, async (trx) => {
    await insertIntakeRequest(trx, { id, lookingFor: body.lookingFor, therapistId, sealed, now });
    for (const to of await inboxEmails(trx, therapistId)) {
      await sendMail(
        deps,
        {
          to,
          subject: t('intake.mail.newSubject'),
          text: t('intake.mail.newText', { url: inbox }),
        },
        trx,
      );
    }
    if (body.confirmByEmail && body.contactMethod === 'email') {
      await sendMail(
        deps,
        {
          to: body.contactDetail,
          subject: t('intake.mail.confirmSubject'),
          text: t('intake.mail.confirmText'),
        },
        trx,
      );
    }
  });
}

const opened = (deps: Deps, row: StoredIntakeRequest): IntakeBody =>
  JSON.parse(
    deps.sealer.openForServer(row.sealed, sealContext('intakeRequest', row.id)),
  ) as IntakeBody;

function detailOf(
  deps: Deps,
  row: StoredIntakeRequest,
  therapist: { slug: string; name: string } | undefined,
): IntakeDetail {
  const words = opened(deps, row);
  return {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    status: row.status,
    lookingFor: row.lookingFor,
    therapist: therapist ? { slug: therapist.slug, name: therapist.name } : null,
    name: words.name,
    contactMethod: words.contactMethod,
    contactDetail: words.contactDetail,
    times: words.times,
    safeToLeaveMessage: words.safeToLeaveMessage,
    message: words.message,
  };
}

const summaryOf = (d: IntakeDetail): IntakeSummary => ({
  id: d.id,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
  status: d.status,
  lookingFor: d.lookingFor,
  therapist: d.therapist,
  name: d.name,
  contactMethod: d.contactMethod,
});

export async function listRequests(
  deps: Deps,
  reader: InboxReader,
  query: IntakeListQuery,
): Promise<{ items: IntakeSummary[]; nextCursor: string | null }> {
  const db = deps.database.db;
  const rows = await listIntakeRequests(db, {
    therapistId: reader.kind === 'therapist' ? reader.userId : undefined,
    status: query.status,
    cursor: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const therapists = await therapistsById(
    db,
    page.flatMap((r) => (r.therapistId ? [r.therapistId] : [])),
  );
  const last = page.at(-1);
  return {
    items: page.map((r) =>
      summaryOf(detailOf(deps, r, r.therapistId ? therapists.get(r.therapistId) : undefined)),
    ),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ createdAt: last.createdAt, id: last.id })
        : null,
  };
}

/** The request, if this reader may see it; the same "not found" whether it exists or not. */
async function readable(deps: Deps, reader: InboxReader, id: string): Promise<StoredIntakeRequest> {
  const row = await findIntakeRequest(deps.database.db, id);
  if (!row || (reader.kind === 'therapist' && row.therapistId !== reader.userId)) {
    throw new DomainError('intake.not_found');
  }
  return row;
}

async function detail(deps: Deps, row: StoredIntakeRequest): Promise<IntakeDetail> {
  const therapists = row.therapistId
    ? await therapistsById(deps.database.db, [row.therapistId])
    : new Map<string, { slug: string; name: string }>();
  return detailOf(deps, row, row.therapistId ? therapists.get(row.therapistId) : undefined);
}

export async function getRequest(
  deps: Deps,
  reader: InboxReader,
  id: string,
): Promise<IntakeDetail> {
  return detail(deps, await readable(deps, reader, id));
}

/** Marks a request new, contacted or closed (any way round: a closed request can be reopened). */
export async function changeStatus(
  deps: Deps,
  reader: InboxReader,
  id: string,
  status: IntakeStatus,
): Promise<IntakeDetail> {
  const row = await readable(deps, reader, id);
  if (row.status === status) return detail(deps, row);
  const now = deps.clock();
  await setIntakeStatus(deps.database.db, id, status, now);
  return detail(deps, { ...row, status, updatedAt: now });
}
