import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Problem } from '../../../shared/api/problem.js';
import { PracticeSettings, PracticeSettingsBody } from '../../../shared/api/practice.js';
import type { Deps } from '../../deps.js';
import { access } from '../../http/access.js';
import { practiceSettings, setDefaultCountry } from './practice.service.js';

/** The practice's own settings: the administrator's alone to read and change. */
export function registerPracticeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/practice/settings',
    {
      config: access('admin'),
      schema: {
        tags: ['practice'],
        summary: "The practice's settings, such as the default country for crisis lines",
        response: { 200: PracticeSettings },
      },
    },
    () => practiceSettings(deps),
  );

  r.put(
    '/api/practice/settings',
    {
      config: access('admin'),
      schema: {
        tags: ['practice'],
        summary: "Change the practice's settings",
        body: PracticeSettingsBody,
        response: { 200: PracticeSettings, 400: Problem, 422: Problem },
      },
    },
    async (request) => {
      await setDefaultCountry(deps, request.body.defaultCountry);
      return practiceSettings(deps);
    },
  );
}
