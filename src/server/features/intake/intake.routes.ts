import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isDomainError } from '../../../core/errors.js';
import { IntakeBody, intakeApi as api } from '../../../shared/api/intake.js';
import type { Deps } from '../../deps.js';
import { access, sameOriginForm } from '../../http/access.js';
import { serve } from '../../http/route.js';
import {
  intakeClosedPage,
  intakeFields,
  intakeFormPage,
  intakeLimitPage,
  intakeSentPage,
  type FormErrors,
  type FormValues,
  type IntakeField,
} from './intake.page.js';
import * as intake from './intake.service.js';
import { t } from '../../../shared/i18n/messages.js';

/** The most a form post may carry: every field at its longest, with room for encoding. */
const FORM_BODY_LIMIT = 16 * 1024;

const sendPage = (reply: FastifyReply, status: number, page: string) =>
  reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(page);

/** The form's fields as sent (first value of each), to validate and, if refused, show back. */
function valuesOf(form: URLSearchParams): FormValues {
  const values: FormValues = {};
  for (const field of intakeFields) {
    const value = form.get(field);
    if (value !== null) values[field] = value;
  }
  return values;
}

/** The form's strings in the API's shape, so one schema judges both. */
const bodyOf = (v: FormValues): Record<string, unknown> => ({
  lookingFor: v.lookingFor,
  therapist: v.therapist === undefined || v.therapist === '' ? null : v.therapist,
  contactMethod: v.contactMethod,
  contactDetail: v.contactDetail ?? '',
  times: v.times,
  safeToLeaveMessage:
    v.safeToLeaveMessage === 'yes' ? true : v.safeToLeaveMessage === 'no' ? false : undefined,
  name: v.name ?? '',
  message: v.message,
  confirmByEmail: v.confirmByEmail !== undefined,
});

function errorsOf(error: z.ZodError): FormErrors {
  const errors: FormErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as IntakeField | undefined;
    if (field && intakeFields.includes(field) && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/**
 * Asking the practice for help: a server-rendered form that works without JavaScript or an
 * account (GET and POST /intake, then /intake/sent), the same as JSON for the app, and the inbox
 * where requests land.
 */
export function registerIntakeRoutes(app: FastifyInstance, deps: Deps): void {
  serve(app, deps, api.form, () => intake.intakeForm(deps));
  serve(app, deps, api.send, (_, { body }, { request }) =>
    intake.sendRequest(deps, body, request.ip),
  );
  serve(app, deps, api.list, (_, { query }) =>
    intake.listRequests(deps, intake.adminReader(), query),
  );
  serve(app, deps, api.get, (_, { params }) =>
    intake.getRequest(deps, intake.adminReader(), params.id),
  );
  serve(app, deps, api.setStatus, (_, { params, body }) =>
    intake.changeStatus(deps, intake.adminReader(), params.id, body.status),
  );
  serve(app, deps, api.mine, (c, { query }) =>
    intake.listRequests(deps, intake.therapistReader(c), query),
  );
  serve(app, deps, api.mineGet, (c, { params }) =>
    intake.getRequest(deps, intake.therapistReader(c), params.id),
  );
  serve(app, deps, api.mineSetStatus, (c, { params, body }) =>
    intake.changeStatus(deps, intake.therapistReader(c), params.id, body.status),
  );

  // In their own scope: only this form's route reads url-encoded bodies; every API route still
  // answers such a body with 415.
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
      (_request, body, done) => done(null, new URLSearchParams(body as string)),
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/intake',
      {
        config: access('public'),
        schema: {
          hide: true,
          // Any value: one that is not a listed therapist's simply leaves "anyone" chosen.
          querystring: z.object({ therapist: z.string().optional() }),
        },
      },
      async (request, reply) => {
        const form = await intake.intakeForm(deps);
        if (!form.open) return sendPage(reply, 200, intakeClosedPage());
        const asked = request.query.therapist;
        const values: FormValues = form.therapists.some((p) => p.slug === asked)
          ? { therapist: asked }
          : {};
        return sendPage(
          reply,
          200,
          intakeFormPage({ therapists: form.therapists, values, errors: {} }),
        );
      },
    );

    r.post(
      '/intake',
      { config: sameOriginForm(), schema: { hide: true }, bodyLimit: FORM_BODY_LIMIT },
      async (request, reply) => {
        const form = request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
        const values = valuesOf(form);
        const formInfo = await intake.intakeForm(deps);
        if (!formInfo.open) return sendPage(reply, 409, intakeClosedPage());
        const again = (status: number, errors: FormErrors) =>
          sendPage(
            reply,
            status,
            intakeFormPage({ therapists: formInfo.therapists, values, errors }),
          );
        const parsed = IntakeBody.safeParse(bodyOf(values));
        if (!parsed.success) return again(400, errorsOf(parsed.error));
        try {
          await intake.sendRequest(deps, parsed.data, request.ip);
        } catch (e) {
          if (!isDomainError(e)) throw e;
          if (e.code === 'intake.closed') return sendPage(reply, 409, intakeClosedPage());
          if (e.code === 'intake.rate_limited') return sendPage(reply, 429, intakeLimitPage());
          if (e.code === 'intake.therapist_unknown') {
            return again(422, { therapist: t('intake.therapistGone') });
          }
          throw e;
        }
        // Post/redirect/get: reloading the thank-you page sends nothing twice.
        return reply.code(303).header('cache-control', 'no-store').redirect('/intake/sent', 303);
      },
    );

    r.get('/intake/sent', { config: access('public'), schema: { hide: true } }, (_req, reply) =>
      sendPage(reply, 200, intakeSentPage()),
    );
    done();
  });
}
